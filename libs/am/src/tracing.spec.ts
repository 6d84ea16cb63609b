import { randomBytes } from 'node:crypto';
import { beforeAll, describe, expect, it } from '@jest/globals';
import {
  type Attributes,
  type Context,
  context,
  propagation,
  ROOT_CONTEXT,
  type Span,
  type SpanContext,
  SpanKind,
  type SpanOptions,
  SpanStatusCode,
  type Tracer,
  type TracerProvider,
  trace,
} from '@opentelemetry/api';
import { W3CBaggagePropagator } from '@opentelemetry/core';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import type { IncomingMessage } from './message.js';
import { withMiddleware } from './ports.js';
import { injectTraceHeaders, tracingMiddleware } from './tracing.js';


interface RecordedSpan {
  name: string;
  kind?: SpanKind;
  attributes?: Attributes;
  parentSpanId?: string;
  spanContext: SpanContext;
  status?: { code: SpanStatusCode; message?: string };
  exceptions: unknown[];
  ended: boolean;
}

/** A tracer that records spans; the API's no-op tracer would propagate ids but keep nothing to assert on. */
function recordingTracerProvider(spans: RecordedSpan[]): TracerProvider {
  const tracer = {
    startSpan(name: string, options: SpanOptions = {}, ctx: Context = context.active()): Span {
      const parent = trace.getSpanContext(ctx);
      const recorded: RecordedSpan = {
        name,
        kind: options.kind,
        attributes: options.attributes,
        parentSpanId: parent?.spanId,
        spanContext: { traceId: parent?.traceId ?? randomBytes(16).toString('hex'), spanId: randomBytes(8).toString('hex'), traceFlags: 1 },
        exceptions: [],
        ended: false,
      };
      spans.push(recorded);
      const span = {
        spanContext: () => recorded.spanContext,
        recordException: (e: unknown) => void recorded.exceptions.push(e),
        setStatus: (s: RecordedSpan['status']) => ((recorded.status = s), span),
        end: () => void (recorded.ended = true),
      };
      return span as unknown as Span;
    },
    startActiveSpan(name: string, options: SpanOptions, ctx: Context, fn: (span: Span) => unknown) {
      const span = tracer.startSpan(name, options, ctx);
      return context.with(trace.setSpan(ctx, span), fn, undefined, span);
    },
  };
  return { getTracer: () => tracer as unknown as Tracer };
}

const producer: SpanContext = { traceId: '0af7651916cd43dd8448eb211c80319c', spanId: 'b7ad6b7169203331', traceFlags: 1 };

function delivered(headers: Record<string, string>): IncomingMessage {
  return {
    id: 'm-1',
    name: 'ordersapi.OrderCreated',
    subject: 'mallbots.ordering.events.Order',
    payload: new Uint8Array(),
    headers,
    occurredAt: new Date(),
    receivedAt: new Date(),
    deliveryAttempt: 2,
    consumer: 'cosec-ordering',
  };
}

describe('message tracing', () => {
  beforeAll(() => {
    context.setGlobalContextManager(new AsyncLocalStorageContextManager());
    // The middleware uses its own W3C propagator; the global one only serves getActiveBaggage-style reads here.
    propagation.setGlobalPropagator(new W3CBaggagePropagator());
  });

  function producerContext(): Context {
    const withSpan = trace.setSpanContext(ROOT_CONTEXT, producer);
    return propagation.setBaggage(withSpan, propagation.createBaggage({ tenant: { value: 'mall-1' } }));
  }

  it('injects traceparent and baggage of the given context, keeping the other headers', () => {
    const headers = injectTraceHeaders({ 'correlation-id': 'c' }, producerContext());
    expect(headers).toEqual({ 'correlation-id': 'c', traceparent: `00-${producer.traceId}-${producer.spanId}-01`, baggage: 'tenant=mall-1' });
  });

  it('injects from the active context by default', () => {
    const headers = context.with(producerContext(), () => injectTraceHeaders({}));
    expect(headers.traceparent).toBe(`00-${producer.traceId}-${producer.spanId}-01`);
  });

  it('runs the handler in a consumer span that continues the producer’s trace', async () => {
    const spans: RecordedSpan[] = [];
    let seenTraceId: string | undefined;
    let seenBaggage: string | undefined;
    const handle = withMiddleware(async () => {
      seenTraceId = trace.getActiveSpan()?.spanContext().traceId;
      seenBaggage = propagation.getActiveBaggage()?.getEntry('tenant')?.value;
    }, tracingMiddleware('test', recordingTracerProvider(spans)));

    await handle(delivered(injectTraceHeaders({}, producerContext())));

    expect(seenTraceId).toBe(producer.traceId);
    expect(seenBaggage).toBe('mall-1');
    expect(spans).toHaveLength(1);
    expect(spans[0]).toMatchObject({
      name: 'ordersapi.OrderCreated',
      kind: SpanKind.CONSUMER,
      parentSpanId: producer.spanId,
      attributes: { 'messaging.message.id': 'm-1', 'messaging.consumer.group.name': 'cosec-ordering', 'messaging.message.delivery_attempt': 2 },
      ended: true,
    });
  });

  it('starts a new trace for a message without trace headers', async () => {
    const spans: RecordedSpan[] = [];
    const handle = withMiddleware(async () => undefined, tracingMiddleware('test', recordingTracerProvider(spans)));
    await context.with(producerContext(), () => handle(delivered({})));
    expect(spans[0]?.parentSpanId).toBeUndefined();
    expect(spans[0]?.spanContext.traceId).not.toBe(producer.traceId);
  });

  it('records a failure on the span and re-throws it', async () => {
    const spans: RecordedSpan[] = [];
    const failure = new Error('handler failed');
    const handle = withMiddleware(async () => Promise.reject(failure), tracingMiddleware('test', recordingTracerProvider(spans)));
    await expect(handle(delivered({}))).rejects.toBe(failure);
    expect(spans[0]).toMatchObject({ status: { code: SpanStatusCode.ERROR, message: 'handler failed' }, exceptions: [failure], ended: true });
  });
});
