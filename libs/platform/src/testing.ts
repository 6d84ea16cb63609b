// Component-test harness for services: the real application on real PostgreSQL (a database of its own) and a NATS
// server of its own, so a service's durable consumers and the `mallbots` stream never meet another test's; fake
// gRPC servers (FakeGrpcServer, OwnersStub) standing in for the services another context calls; and, for the HTTP
// provider verifications (`<ctx>.http.pact.spec.ts`), a service's REST adapter served on test doubles
// (startRestContractApp, ResettableWorld, withTeardown).
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import {
  type ChannelCredentials,
  credentials,
  loadPackageDefinition,
  Metadata,
  type sendUnaryData,
  Server,
  ServerCredentials,
  type ServerUnaryCall,
  type ServiceClientConstructor,
  type ServiceError,
  status,
} from '@grpc/grpc-js';
import { loadSync } from '@grpc/proto-loader';
import { type INestApplication, Module, type ModuleMetadata } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { LoggerModule } from 'nestjs-pino';
import { type ContractContext, grpcLoaderOptions, grpcPackages, grpcServices, protoFiles, protoRoot } from '@mallbots/contracts';
import type { Customer } from '@mallbots/contracts/customers';
import type { Product, Store } from '@mallbots/contracts/stores';
import { connectJetStream, type JetStreamConnection } from '@mallbots/am';
import { createTestDatabase, freePorts, startDisposableNats, type DisposableNats, type TestDatabase } from '@mallbots/testing';
import { createServiceApp, type ServiceAppOptions } from './bootstrap.js';
import { ErrorFilter } from './error.filter.js';
import { loadServiceConfig, type ServiceConfig } from './service-config.js';

export interface ServiceUnderTest {
  readonly app: INestApplication;
  readonly config: ServiceConfig;
  /** `http://127.0.0.1:<port>` */
  readonly httpUrl: string;
  /** `127.0.0.1:<port>` */
  readonly grpcAddress: string;
  readonly db: TestDatabase;
  readonly nats: DisposableNats;
  /** A second connection to the service's NATS, for the test to publish and watch messages. */
  readonly jetstream: JetStreamConnection;
  /** Stops the app (draining consumers, as SIGTERM would), then the servers. */
  close(): Promise<void>;
}

export interface BootOptions extends Omit<ServiceAppOptions, 'config' | 'module'> {
  readonly service: string;
  readonly module: (config: ServiceConfig) => ServiceAppOptions['module'];
  /** Extra environment (RPC_SERVICES, …). */
  readonly env?: Record<string, string>;
}

export async function bootServiceForTest(options: BootOptions): Promise<ServiceUnderTest> {
  const db = await createTestDatabase(options.service);
  const nats = await startDisposableNats();
  const [httpPort, grpcPort] = await freePorts(2);
  const config = loadServiceConfig(options.service, {
    PG_CONN: db.url,
    NATS_URL: nats.url,
    WEB_HOST: '127.0.0.1',
    WEB_PORT: String(httpPort),
    RPC_HOST: '127.0.0.1',
    RPC_PORT: String(grpcPort),
    LOG_LEVEL: 'warn',
    SHUTDOWN_TIMEOUT: '10s',
    ...options.env,
  });
  const app = await createServiceApp({ ...options, config, module: options.module(config) });
  await app.startAllMicroservices();
  await app.listen(httpPort!, '127.0.0.1');
  const jetstream = await connectJetStream({ servers: nats.url, name: `${options.service}-test` });
  return {
    app,
    config,
    httpUrl: `http://127.0.0.1:${httpPort}`,
    grpcAddress: `127.0.0.1:${grpcPort}`,
    db,
    nats,
    jetstream,
    async close() {
      await app.close();
      await jetstream.close();
      await nats.close();
      await db.drop();
    },
  };
}

/** JSON over HTTP without a client library: status and parsed body. */
export async function http(
  method: string,
  url: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: unknown; contentType: string | null }> {
  const response = await fetch(url, {
    method,
    headers: body === undefined ? headers : { 'content-type': 'application/json', ...headers },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    // not JSON: keep the text
  }
  return { status: response.status, body: parsed, contentType: response.headers.get('content-type') };
}

type UnaryMethod = (request: object, metadata: Metadata, callback: (err: ServiceError | null, response?: Record<string, unknown>) => void) => void;

export interface GrpcTestClient {
  /** Calls a unary RPC by its (lowerCamelCase) method name; rejects with the gRPC ServiceError (`code`, `details`). */
  call(method: string, request?: object, metadata?: Record<string, string>): Promise<Record<string, unknown>>;
  close(): void;
}

/** A plain grpc-js client for a context's service, loaded from its api.proto as the reference's clients would be. */
export function grpcTestClient(context: ContractContext, service: string, address: string): GrpcTestClient {
  const definition = loadPackageDefinition(loadSync(join(protoRoot(), protoFiles[context]), grpcLoaderOptions())) as unknown as Record<
    string,
    Record<string, new (address: string, creds: ChannelCredentials) => Record<string, UnaryMethod> & { close(): void }>
  >;
  const Client = definition[grpcPackages[context]]?.[service];
  if (!Client) throw new Error(`${grpcPackages[context]}.${service} is not in ${protoFiles[context]}`);
  const client = new Client(address, credentials.createInsecure());
  return {
    call: (method, request = {}, headers = {}) =>
      new Promise((resolve, reject) => {
        const rpc = client[method];
        if (!rpc) return reject(new Error(`${service} has no method ${method}`));
        const metadata = new Metadata();
        for (const [key, value] of Object.entries(headers)) metadata.set(key, value);
        rpc.call(client, request, metadata, (err, response) => (err ? reject(err) : resolve(response ?? {})));
      }),
    close: () => client.close(),
  };
}

/** A scripted failure: a gRPC status to answer with, or `'hang'`, no answer before the caller's deadline. */
export type FakeGrpcFailure = { readonly code: number; readonly details: string } | 'hang';

/**
 * Answers one unary method: returns the response, or throws `{ code, details }` to answer with that gRPC status
 * (see `grpcFailure`).
 */
export type FakeGrpcHandler = (request: { readonly id?: string } & Record<string, unknown>) => object;

/** A `{ code, details }` for a FakeGrpcHandler to throw. */
export const grpcFailure = (code: number, details: string): Partial<ServiceError> => ({ code, details });

/**
 * A real gRPC server on 127.0.0.1 (a free port) playing services of libs/contracts, with answers the test controls:
 * `serve(context, { Method: handler })` for each, then `start()`. It records every call (`calls`, by the request's
 * `id`: every lookup has one) and answers with the scripted `failures` first, one per call. A `'hang'` call is
 * answered only on `stop()`, so a client's deadline must end it.
 */
export class FakeGrpcServer {
  /** Method name and request id of every call received, in order. */
  readonly calls: Array<{ method: string; id: string }> = [];
  /** The metadata of every call received, in the order of `calls` (the caller's traceparent, …). */
  readonly metadata: Metadata[] = [];
  /** Failures to answer with, one per call, before answering normally again. */
  readonly failures: FakeGrpcFailure[] = [];
  private readonly server = new Server();
  private readonly pending = new Set<() => void>();
  port = 0;

  get address(): string {
    return `127.0.0.1:${this.port}`;
  }

  callsFor(id: string): number {
    return this.calls.filter((c) => c.id === id).length;
  }

  /** Serves the context's service (from its api.proto) with these handlers, by the proto's method names. */
  serve(context: ContractContext, handlers: Record<string, FakeGrpcHandler>): this {
    const definition = loadPackageDefinition(loadSync(join(protoRoot(), protoFiles[context]), grpcLoaderOptions()));
    const service = (definition[grpcPackages[context]] as Record<string, ServiceClientConstructor>)[grpcServices[context]]!.service;
    const implementation = Object.fromEntries(
      Object.entries(handlers).map(([method, handler]) => [
        method,
        (call: ServerUnaryCall<Record<string, unknown>, unknown>, callback: sendUnaryData<unknown>) => this.answer(method, call, callback, handler),
      ]),
    );
    this.server.addService(service, implementation);
    return this;
  }

  async start(): Promise<this> {
    this.port = await new Promise<number>((resolve, reject) =>
      this.server.bindAsync('127.0.0.1:0', ServerCredentials.createInsecure(), (err, port) => (err ? reject(err) : resolve(port))),
    );
    return this;
  }

  async stop(): Promise<void> {
    for (const release of this.pending) release();
    await new Promise<void>((resolve) => this.server.tryShutdown(() => resolve()));
  }

  private answer(method: string, call: ServerUnaryCall<Record<string, unknown>, unknown>, callback: sendUnaryData<unknown>, handler: FakeGrpcHandler): void {
    this.calls.push({ method, id: String(call.request.id ?? '') });
    this.metadata.push(call.metadata);
    const failure = this.failures.shift();
    if (failure === 'hang') {
      // Released (answered late) on stop, so the server can shut down.
      this.pending.add(() => callback({ code: status.UNAVAILABLE, details: 'stub stopped' } as ServiceError));
      return;
    }
    if (failure) return callback({ code: failure.code, details: failure.details } as ServiceError);
    let response: object;
    try {
      response = handler(call.request);
    } catch (err) {
      return callback(err as ServiceError);
    }
    callback(null, response);
  }
}

/**
 * The owners of the names other contexts cache, as one FakeGrpcServer: customerspb.CustomersService (GetCustomer)
 * and storespb.StoresService (GetStore, GetProduct), answering from the maps the test fills and NOT_FOUND, with the
 * owners' texts, for any other id. Stands in for customers and stores behind the cache fallbacks of baskets, depot
 * and search (`RPC_SERVICES: STORES=<address>,CUSTOMERS=<address>`).
 */
export class OwnersStub extends FakeGrpcServer {
  readonly customers = new Map<string, Customer>();
  readonly stores = new Map<string, Store>();
  readonly products = new Map<string, Product>();

  constructor() {
    super();
    const lookup =
      <T>(entries: Map<string, T>, key: string, notFound: string) =>
      ({ id = '' }: { readonly id?: string }) => {
        const entry = entries.get(id);
        if (entry === undefined) throw grpcFailure(status.NOT_FOUND, notFound.replace('{id}', id));
        return { [key]: entry };
      };
    this.serve('customers', { GetCustomer: lookup(this.customers, 'customer', 'customer {id} not found') });
    this.serve('stores', {
      GetStore: lookup(this.stores, 'store', 'store with that ID does not exist'),
      GetProduct: lookup(this.products, 'product', 'product with that ID does not exist'),
    });
  }
}

export interface RestContractAppOptions {
  /** The service whose HTTP settings apply (loadServiceConfig); nothing connects to its PostgreSQL or NATS. */
  readonly service: string;
  /** The REST controllers under contract, in the service module's order (the first route that matches wins). */
  readonly controllers: NonNullable<ModuleMetadata['controllers']>;
  /** The service module's providers, with test doubles behind its ports; the platform's ErrorFilter is added. */
  readonly providers: NonNullable<ModuleMetadata['providers']>;
}

export interface RestContractApp {
  readonly app: INestApplication;
  /** `http://127.0.0.1:<port>`: the provider base URL to verify against. */
  readonly url: string;
  close(): Promise<void>;
}

/**
 * A service's REST adapter as the service serves it, for an HTTP provider verification: the platform's Nest
 * application (createServiceApp: body limits, the whitelisting ValidationPipe), the given controllers and providers
 * with CQRS, the platform's ErrorFilter and quiet logs, listening on a free port of 127.0.0.1.
 */
export async function startRestContractApp(options: RestContractAppOptions): Promise<RestContractApp> {
  // Only the HTTP settings matter here; nothing connects to PostgreSQL or NATS.
  const config = loadServiceConfig(options.service, { PG_CONN: 'postgres://unused@127.0.0.1:1/unused', NATS_URL: 'nats://127.0.0.1:1', LOG_LEVEL: 'warn' });
  @Module({
    imports: [CqrsModule.forRoot(), LoggerModule.forRoot({ pinoHttp: { level: 'warn' } })],
    controllers: options.controllers,
    providers: [...options.providers, { provide: APP_FILTER, useClass: ErrorFilter }],
  })
  class RestUnderContract {}
  const app = await createServiceApp({ config, module: RestUnderContract });
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;
  return { app, url: `http://127.0.0.1:${port}`, close: () => app.close() };
}

/**
 * Test doubles that start anew: `current` is what `make` built, `reset()` builds it again (after each provider
 * state, so each interaction starts from nothing but its own states), and `port(pick)` is a stand-in for a port
 * that forwards every call to the current world's double — what a Nest provider holds while the doubles change.
 */
export class ResettableWorld<W> {
  #current: W;

  constructor(private readonly make: () => W) {
    this.#current = make();
  }

  get current(): W {
    return this.#current;
  }

  readonly reset = async (): Promise<void> => {
    this.#current = this.make();
  };

  port<T extends object>(pick: (world: W) => T): T {
    return new Proxy({} as T, {
      get: (_target, key) => {
        const target = pick(this.#current);
        const value: unknown = Reflect.get(target, key);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
  }
}

/** Provider states in Pact's `{ setup, teardown }` form, each torn down by the same `teardown` (e.g. `world.reset`). */
export function withTeardown<P>(
  teardown: () => Promise<void>,
  setups: Record<string, (params?: P) => Promise<void>>,
): Record<string, { setup: (params?: P) => Promise<void>; teardown: () => Promise<void> }> {
  return Object.fromEntries(Object.entries(setups).map(([state, setup]) => [state, { setup, teardown }]));
}
