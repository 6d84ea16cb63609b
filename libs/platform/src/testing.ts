// Component-test harness for services: the real application on real PostgreSQL (a database of its own) and a NATS
// server of its own, so a service's durable consumers and the `mallbots` stream never meet another test's.
import { join } from 'node:path';
import { type ChannelCredentials, credentials, loadPackageDefinition, Metadata, type ServiceError } from '@grpc/grpc-js';
import { loadSync } from '@grpc/proto-loader';
import type { INestApplication } from '@nestjs/common';
import { type ContractContext, grpcLoaderOptions, grpcPackages, protoFiles, protoRoot } from '@mallbots/contracts';
import { connectJetStream, type JetStreamConnection } from '@mallbots/am';
import { createTestDatabase, freePorts, startDisposableNats, type DisposableNats, type TestDatabase } from '@mallbots/testing';
import { createServiceApp, type ServiceAppOptions } from './bootstrap.js';
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
