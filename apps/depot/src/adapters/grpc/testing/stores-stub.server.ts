// Test support (not used by the service): a StoresService gRPC server whose answers a test controls, standing in
// for the stores service behind the cache fallbacks.
import { join } from 'node:path';
import { loadPackageDefinition, Server, ServerCredentials, type ServiceClientConstructor, type ServiceError, status, type sendUnaryData, type ServerUnaryCall } from '@grpc/grpc-js';
import { loadSync } from '@grpc/proto-loader';
import { grpcLoaderOptions, grpcPackages, grpcServices, protoFiles, protoRoot } from '@mallbots/contracts';
import type { Product, Store } from '@mallbots/contracts/stores';

export type StubFailure = { readonly code: number; readonly details: string } | 'hang';

export class StoresStub {
  readonly products = new Map<string, Product>();
  readonly stores = new Map<string, Store>();
  /** Method name and id of every call received, in order. */
  readonly calls: Array<{ method: 'GetProduct' | 'GetStore'; id: string }> = [];
  /** Failures to answer with, one per call, before answering normally again. */
  readonly failures: StubFailure[] = [];
  private readonly server = new Server();
  private readonly pending = new Set<() => void>();
  port = 0;

  get address(): string {
    return `127.0.0.1:${this.port}`;
  }

  callsFor(id: string): number {
    return this.calls.filter((c) => c.id === id).length;
  }

  async start(): Promise<this> {
    const definition = loadPackageDefinition(loadSync(join(protoRoot(), protoFiles.stores), grpcLoaderOptions()));
    const service = (definition[grpcPackages.stores] as Record<string, ServiceClientConstructor>)[grpcServices.stores]!.service;
    this.server.addService(service, {
      GetProduct: (call: ServerUnaryCall<{ id: string }, unknown>, callback: sendUnaryData<unknown>) =>
        this.answer('GetProduct', call.request.id, callback, () => {
          const product = this.products.get(call.request.id);
          return product ? { product } : { error: { code: status.NOT_FOUND, details: 'product with that ID does not exist' } };
        }),
      GetStore: (call: ServerUnaryCall<{ id: string }, unknown>, callback: sendUnaryData<unknown>) =>
        this.answer('GetStore', call.request.id, callback, () => {
          const store = this.stores.get(call.request.id);
          return store ? { store } : { error: { code: status.NOT_FOUND, details: 'store with that ID does not exist' } };
        }),
    });
    this.port = await new Promise<number>((resolve, reject) =>
      this.server.bindAsync('127.0.0.1:0', ServerCredentials.createInsecure(), (err, port) => (err ? reject(err) : resolve(port))),
    );
    return this;
  }

  async stop(): Promise<void> {
    for (const release of this.pending) release();
    await new Promise<void>((resolve) => this.server.tryShutdown(() => resolve()));
  }

  private answer(method: 'GetProduct' | 'GetStore', id: string, callback: sendUnaryData<unknown>, normal: () => { error?: { code: number; details: string } }): void {
    this.calls.push({ method, id });
    const failure = this.failures.shift();
    if (failure === 'hang') {
      // Never answers in time: the client's deadline must end the call. Released (answered late) on stop.
      const release = () => callback({ code: status.UNAVAILABLE, details: 'stub stopped' } as ServiceError);
      this.pending.add(release);
      return;
    }
    const result = failure ? { error: failure } : normal();
    if (result.error) callback({ code: result.error.code, details: result.error.details } as ServiceError);
    else callback(null, result);
  }
}
