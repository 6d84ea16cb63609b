// Test support (not used by the service): one gRPC server playing both owners of the names search caches —
// customerspb.CustomersService (GetCustomer) and storespb.StoresService (GetStore, GetProduct) — with answers the
// test sets, standing in for the customers and stores services behind the cache fallbacks.
import { join } from 'node:path';
import { loadPackageDefinition, Server, ServerCredentials, type ServiceClientConstructor, type ServiceError, status, type sendUnaryData, type ServerUnaryCall } from '@grpc/grpc-js';
import { loadSync } from '@grpc/proto-loader';
import { type ContractContext, grpcLoaderOptions, grpcPackages, grpcServices, protoFiles, protoRoot } from '@mallbots/contracts';
import type { Customer } from '@mallbots/contracts/customers';
import type { Product, Store } from '@mallbots/contracts/stores';

type Method = 'GetCustomer' | 'GetStore' | 'GetProduct';

export class OwnersStub {
  readonly customers = new Map<string, Customer>();
  readonly stores = new Map<string, Store>();
  readonly products = new Map<string, Product>();
  /** Every call received, in order. */
  readonly calls: Array<{ method: Method; id: string }> = [];
  /** gRPC failures to answer with, one per call, before answering normally again. */
  readonly failures: Array<{ code: number; details: string }> = [];
  private readonly server = new Server();
  port = 0;

  get address(): string {
    return `127.0.0.1:${this.port}`;
  }

  callsFor(id: string): number {
    return this.calls.filter((c) => c.id === id).length;
  }

  async start(): Promise<this> {
    this.server.addService(serviceOf('customers'), {
      GetCustomer: this.handler('GetCustomer', (id) => this.customers.get(id) && { customer: this.customers.get(id) }),
    });
    this.server.addService(serviceOf('stores'), {
      GetStore: this.handler('GetStore', (id) => this.stores.get(id) && { store: this.stores.get(id) }),
      GetProduct: this.handler('GetProduct', (id) => this.products.get(id) && { product: this.products.get(id) }),
    });
    this.port = await new Promise<number>((resolve, reject) =>
      this.server.bindAsync('127.0.0.1:0', ServerCredentials.createInsecure(), (err, port) => (err ? reject(err) : resolve(port))),
    );
    return this;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server.tryShutdown(() => resolve()));
  }

  private handler(method: Method, answer: (id: string) => object | undefined) {
    return (call: ServerUnaryCall<{ id: string }, unknown>, callback: sendUnaryData<unknown>) => {
      this.calls.push({ method, id: call.request.id });
      const failure = this.failures.shift();
      if (failure) return callback(failure as ServiceError);
      const response = answer(call.request.id);
      if (!response) return callback({ code: status.NOT_FOUND, details: `${method}: no such id` } as ServiceError);
      callback(null, response);
    };
  }
}

function serviceOf(context: ContractContext) {
  const definition = loadPackageDefinition(loadSync(join(protoRoot(), protoFiles[context]), grpcLoaderOptions()));
  return (definition[grpcPackages[context]] as Record<string, ServiceClientConstructor>)[grpcServices[context]]!.service;
}
