// Test support (not built into dist): a CustomersService gRPC server that answers GetCustomer from a map the test
// fills, standing in for the customers service behind the cache fallback.
import { join } from 'node:path';
import { loadPackageDefinition, Server, ServerCredentials, type ServiceClientConstructor, type ServiceError, status, type sendUnaryData, type ServerUnaryCall } from '@grpc/grpc-js';
import { loadSync } from '@grpc/proto-loader';
import { grpcLoaderOptions, grpcPackages, grpcServices, protoFiles, protoRoot } from '@mallbots/contracts';
import type { Customer, GetCustomerResponse } from '@mallbots/contracts/customers';

export class CustomersStub {
  readonly customers = new Map<string, Customer>();
  /** Ids asked for, in order. */
  readonly calls: string[] = [];
  /** While set, every call fails with this status. */
  failWith: number | undefined;
  private readonly server = new Server();
  private port = 0;

  get address(): string {
    return `127.0.0.1:${this.port}`;
  }

  async start(): Promise<this> {
    const definition = loadPackageDefinition(loadSync(join(protoRoot(), protoFiles.customers), grpcLoaderOptions()));
    const service = (definition[grpcPackages.customers] as Record<string, ServiceClientConstructor>)[grpcServices.customers]!.service;
    // Only GetCustomer: the other RPCs answer UNIMPLEMENTED, which is what the client must never need.
    this.server.addService(service, {
      GetCustomer: (call: ServerUnaryCall<{ id: string }, GetCustomerResponse>, callback: sendUnaryData<GetCustomerResponse>) => {
        this.calls.push(call.request.id);
        const customer = this.customers.get(call.request.id);
        if (this.failWith !== undefined) callback({ code: this.failWith, details: 'stub failure' } as ServiceError);
        else if (!customer) callback({ code: status.NOT_FOUND, details: 'customer not found' } as ServiceError);
        else callback(null, { customer });
      },
    });
    this.port = await new Promise<number>((resolve, reject) =>
      this.server.bindAsync('127.0.0.1:0', ServerCredentials.createInsecure(), (err, port) => (err ? reject(err) : resolve(port))),
    );
    return this;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.tryShutdown(() => resolve()));
  }
}
