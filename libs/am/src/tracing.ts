import { context, type Context, ROOT_CONTEXT, SpanKind, SpanStatusCode, type TextMapGetter, type TextMapSetter, type TracerProvider, trace } from '@opentelemetry/api';
import { CompositePropagator, W3CBaggagePropagator, W3CTraceContextPropagator } from '@opentelemetry/core';
import type { Headers } from './message.js';
import type { HandlerMiddleware } from './ports.js';

/**
 * The wire contract is W3C TraceContext + Baggage (reference-behaviour §4.4, T01), whatever global propagator a
 * process configures, so messages from any producer carry the same keys.
 */
const propagator = new CompositePropagator({ propagators: [new W3CTraceContextPropagator(), new W3CBaggagePropagator()] });

const setter: TextMapSetter<Record<string, string>> = {
  set: (carrier, key, value) => {
    carrier[key] = value;
  },
};

const getter: TextMapGetter<Headers> = {
  keys: (carrier) => Object.keys(carrier),
  get: (carrier, key) => carrier[key],
};

/**
 * Headers plus traceparent/tracestate/baggage of `ctx`. Called when a message is built, before the outbox stores it
 * (T03), so the trace continues from the request that caused the message, not from the relay that publishes it.
 */
export function injectTraceHeaders(headers: Headers, ctx: Context = context.active()): Headers {
  const carrier = { ...headers };
  propagator.inject(ctx, carrier, setter);
  return carrier;
}

/** The context a message's headers carry (what `tracingMiddleware` runs the handler in). */
export function extractTraceContext(headers: Headers, ctx: Context = context.active()): Context {
  return propagator.extract(ctx, headers, getter);
}

/**
 * Captures the active context (the message's span) so that work done later, from another async context, still runs
 * in it: libs/tm's inbox runs several messages' handlers in one shared transaction, each in its own trace.
 */
export function captureTraceContext(): <T>(fn: () => T) => T {
  const captured = context.active();
  return (fn) => context.with(captured, fn);
}

/**
 * Runs the handler in a CONSUMER span named after the message, child of the producer's context from the headers
 * (reference-behaviour §8.10 amotel), recording a failure on the span before re-throwing it.
 */
export function tracingMiddleware(tracerName = 'mallbots/am', tracerProvider: TracerProvider = trace.getTracerProvider()): HandlerMiddleware {
  const tracer = tracerProvider.getTracer(tracerName);
  return (next) => (message) =>
    tracer.startActiveSpan(
      message.name,
      {
        kind: SpanKind.CONSUMER,
        attributes: {
          'messaging.message.id': message.id,
          'messaging.destination.name': message.subject,
          'messaging.consumer.group.name': message.consumer,
          'messaging.message.delivery_attempt': message.deliveryAttempt,
        },
      },
      // From the root: a message without trace headers starts its own trace rather than joining whatever context
      // happened to be active where the subscription loop was started.
      extractTraceContext(message.headers, ROOT_CONTEXT),
      async (span) => {
        try {
          await next(message);
        } catch (err) {
          span.recordException(err instanceof Error ? err : String(err));
          span.setStatus({ code: SpanStatusCode.ERROR, message: err instanceof Error ? err.message : String(err) });
          throw err;
        } finally {
          span.end();
        }
      },
    );
}
