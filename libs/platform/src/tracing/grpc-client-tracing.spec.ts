import { join } from 'node:path';
import { credentials, loadPackageDefinition, type Metadata, type sendUnaryData, Server, ServerCredentials, type ServerUnaryCall, type ServiceClientConstructor, status } from '@grpc/grpc-js';
import { loadSync } from '@grpc/proto-loader';
import { context, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace';
import { grpcLoaderOptions, grpcPackages, grpcServices, protoFiles, protoRoot } from '@mallbots/contracts';
import { tracingClientInterceptor } from './grpc-client-tracing.js';
import { shutdownTracing, startTracing } from './tracing-sdk.js';

type Unary = (request: object, callback: (err: { code?: number } | null, response?: unknown) => void) => void;

// A real grpc-js client and server on loopback: what the server receives is what a MallBots service would.
describe('tracingClientInterceptor', () => {
  const exporter = new InMemorySpanExporter();
  const server = new Server();
  const received: Metadata[] = [];
  let client: Record<string, Unary> & { close(): void };

  beforeAll(async () => {
    startTracing({ service: 'test', spanProcessors: [new SimpleSpanProcessor({ exporter })] });
    const definition = loadPackageDefinition(loadSync(join(protoRoot(), protoFiles.stores), grpcLoaderOptions()));
    const Service = (definition[grpcPackages.stores] as Record<string, ServiceClientConstructor>)[grpcServices.stores]!;
    server.addService(Service.service, {
      GetStore: (call: ServerUnaryCall<{ id: string }, unknown>, callback: sendUnaryData<unknown>) => {
        received.push(call.metadata);
        if (call.request.id === 'missing') callback({ code: status.NOT_FOUND, details: 'no such store' });
        else callback(null, { store: { id: call.request.id, name: 'S', location: 'L', participating: false } });
      },
    });
    const port = await new Promise<number>((resolve, reject) => server.bindAsync('127.0.0.1:0', ServerCredentials.createInsecure(), (err, p) => (err ? reject(err) : resolve(p))));
    client = new Service(`127.0.0.1:${port}`, credentials.createInsecure(), { interceptors: [tracingClientInterceptor] }) as unknown as typeof client;
  });

  afterAll(async () => {
    client.close();
    await new Promise<void>((resolve) => server.tryShutdown(() => resolve()));
    await shutdownTracing();
  });

  const getStore = (id: string) => new Promise<{ code?: number } | null>((resolve) => client.getStore({ id }, (err) => resolve(err)));

  it('makes a CLIENT span, child of the active span, and sends its traceparent in the metadata', async () => {
    const parent = trace.getTracer('test').startSpan('handling a message');
    await context.with(trace.setSpan(context.active(), parent), () => getStore('s-1'));
    parent.end();

    const span = exporter.getFinishedSpans().find((s) => s.kind === SpanKind.CLIENT)!;
    expect(span.name).toBe(`${grpcPackages.stores}.${grpcServices.stores}/GetStore`);
    expect(span.spanContext().traceId).toBe(parent.spanContext().traceId);
    expect(span.parentSpanContext?.spanId).toBe(parent.spanContext().spanId);
    expect(span.attributes).toMatchObject({ 'rpc.system': 'grpc', 'rpc.method': 'GetStore', 'rpc.grpc.status_code': status.OK });
    expect(received.at(-1)!.get('traceparent')).toEqual([`00-${span.spanContext().traceId}-${span.spanContext().spanId}-01`]);
  });

  it('marks the span failed with the status the server answered', async () => {
    exporter.reset();
    expect((await getStore('missing'))?.code).toBe(status.NOT_FOUND);
    const [span] = exporter.getFinishedSpans();
    expect(span!.attributes['rpc.grpc.status_code']).toBe(status.NOT_FOUND);
    expect(span!.status).toEqual({ code: SpanStatusCode.ERROR, message: 'no such store' });
  });
});
