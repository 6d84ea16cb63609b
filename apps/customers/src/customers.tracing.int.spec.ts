import { SpanKind, SpanStatusCode } from '@opentelemetry/api';
import { InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { grpcPackages, protoFiles } from '@mallbots/contracts';
import { shutdownTracing, startTracing } from '@mallbots/platform';
import { bootServiceForTest, grpcTestClient, type GrpcTestClient, http, type ServiceUnderTest } from '@mallbots/platform/testing';
import { eventually } from '@mallbots/testing';
import { CustomersModule } from './customers.module.js';

const migrationsDir = fileURLToPath(new URL('../migrations', import.meta.url));

/** A caller's W3C trace context: a fresh trace id and parent span id. */
function callerContext(): { traceId: string; parentId: string; traceparent: string } {
  const traceId = randomUUID().replace(/-/g, '');
  const parentId = randomUUID().replace(/-/g, '').slice(0, 16);
  return { traceId, parentId, traceparent: `00-${traceId}-${parentId}-01` };
}

// Tracing as runService sets it up (T01), with an in-memory exporter instead of OTLP, through the real service.
describe('customers service tracing (REST, gRPC and the messages they cause)', () => {
  const exporter = new InMemorySpanExporter();
  let svc: ServiceUnderTest;
  let grpc: GrpcTestClient;
  const spansOf = (traceId: string) => exporter.getFinishedSpans().filter((s) => s.spanContext().traceId === traceId);

  beforeAll(async () => {
    startTracing({ service: 'customers', spanProcessors: [new SimpleSpanProcessor({ exporter })] });
    svc = await bootServiceForTest({
      service: 'customers',
      module: (config) => CustomersModule.forRoot(config, migrationsDir),
      grpc: { package: grpcPackages.customers, protoFile: protoFiles.customers },
    });
    grpc = grpcTestClient('customers', 'CustomersService', svc.grpcAddress);
  }, 60_000);

  afterAll(async () => {
    grpc?.close();
    await svc?.close();
    await shutdownTracing();
  });

  it('a REST request runs in a SERVER span continuing the caller’s trace, and the message it causes carries that trace', async () => {
    const caller = callerContext();
    const created = await http('POST', `${svc.httpUrl}/api/customers`, { name: 'Traced', smsNumber: '555-0100' }, { traceparent: caller.traceparent });
    expect(created.status).toBe(200);
    const { id } = created.body as { id: string };

    const [span] = spansOf(caller.traceId).filter((s) => s.kind === SpanKind.SERVER);
    expect(span).toBeDefined();
    expect(span!.name).toBe('POST /api/customers');
    expect(span!.parentSpanContext?.spanId).toBe(caller.parentId);
    expect(span!.attributes).toMatchObject({ 'http.request.method': 'POST', 'http.route': '/api/customers', 'http.response.status_code': 200 });
    expect(span!.events.map((e) => e.name)).toEqual(['Handling POST /api/customers', 'Handled POST /api/customers']);
    expect(span!.events[1]!.attributes).toMatchObject({ TookMS: expect.any(Number) });

    // T03: the outbox row (written in the request's transaction) carries the request span as its parent.
    const { rows } = await svc.db.pool.query<{ headers: Record<string, string> }>("SELECT headers FROM outbox WHERE name = 'customersapi.CustomerRegistered' AND headers->>'traceparent' LIKE $1", [`00-${caller.traceId}-%`]);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.headers['traceparent']).toBe(`00-${caller.traceId}-${span!.spanContext().spanId}-01`);
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('a gRPC call runs in a SERVER span named after the RPC, with the request ids as attributes', async () => {
    const { id } = (await http('POST', `${svc.httpUrl}/api/customers`, { name: 'Grpc', smsNumber: '555-0101' })).body as { id: string };
    const caller = callerContext();
    await grpc.call('getCustomer', { id }, { traceparent: caller.traceparent });
    await eventually(() => spansOf(caller.traceId).length > 0);
    const [span] = spansOf(caller.traceId);
    expect(span!.name).toBe('customerspb.CustomersService/GetCustomer');
    expect(span!.kind).toBe(SpanKind.SERVER);
    expect(span!.parentSpanContext?.spanId).toBe(caller.parentId);
    expect(span!.attributes).toMatchObject({ 'rpc.system': 'grpc', 'rpc.service': 'customerspb.CustomersService', 'rpc.method': 'GetCustomer', 'mallbots.id': id });
  });

  it('refused input is recorded on the span without marking it an error; no trace for health probes', async () => {
    const caller = callerContext();
    expect((await http('GET', `${svc.httpUrl}/api/customers/${randomUUID()}`, undefined, { traceparent: caller.traceparent })).status).toBe(404);
    const [span] = spansOf(caller.traceId);
    expect(span!.attributes['http.response.status_code']).toBe(404);
    expect(span!.events.map((e) => e.name)).toEqual(['Handling GET /api/customers/:id', 'exception', 'Failed GET /api/customers/:id']);
    expect(span!.status.code).not.toBe(SpanStatusCode.ERROR);

    const probe = callerContext();
    expect((await http('GET', `${svc.httpUrl}/readiness`, undefined, { traceparent: probe.traceparent })).status).toBe(200);
    expect(spansOf(probe.traceId)).toEqual([]);
  });
});
