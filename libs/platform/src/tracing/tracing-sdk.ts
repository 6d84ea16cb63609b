import { context, propagation, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { CompositePropagator, W3CBaggagePropagator, W3CTraceContextPropagator } from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-grpc';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BatchSpanProcessor, type SpanProcessor, TracerProvider } from '@opentelemetry/sdk-trace';
import { ATTR_SERVICE_NAME } from '@opentelemetry/semantic-conventions';

export interface TracingOptions {
  /** Default service.name when OTEL_SERVICE_NAME is not set. */
  readonly service: string;
  /** Default: process.env. */
  readonly env?: NodeJS.ProcessEnv;
  /** Replaces the exporter chosen from the environment (tests pass an in-memory exporter here). */
  readonly spanProcessors?: SpanProcessor[];
}

export interface Tracing {
  /** Whether spans are recorded and exported (false: context still propagates, spans are no-ops). */
  readonly recording: boolean;
  /** Exports what is buffered and stops; safe to call twice. */
  shutdown(): Promise<void>;
}

/**
 * OpenTelemetry for a service process (T01), configured from the standard environment:
 *
 * - Always: AsyncLocalStorage context and the W3C TraceContext + Baggage propagators. A `traceparent` that arrives
 *   with a request or message therefore flows into everything the process sends on, even with no exporter: the
 *   API's no-op spans carry the parent's trace id.
 * - When `OTEL_EXPORTER_OTLP_ENDPOINT` (or `OTEL_EXPORTER_OTLP_TRACES_ENDPOINT`) is set and neither
 *   `OTEL_SDK_DISABLED=true` nor `OTEL_TRACES_EXPORTER=none`: a tracer provider with `service.name` from
 *   `OTEL_SERVICE_NAME` (default: the service), spans batched to the OTLP/gRPC exporter (which reads the other
 *   `OTEL_EXPORTER_OTLP_*` variables itself: headers, timeout, compression, TLS).
 *
 * Without an endpoint no provider is registered, so unrecorded spans cost nothing (the default for local runs and
 * tests). Manual instrumentation only (TracingInterceptor, the gRPC client interceptor, libs/am's messaging spans):
 * auto-instrumentation of ESM modules needs a loader hook in every process, for spans the interceptors already give.
 */
export function startTracing(options: TracingOptions): Tracing {
  active = configure(options);
  return active;
}

/** Shuts down what startTracing started (PlatformModule calls it last on shutdown, so shutdown spans are exported). */
export async function shutdownTracing(): Promise<void> {
  await active?.shutdown();
  active = undefined;
}

let active: Tracing | undefined;

function configure(options: TracingOptions): Tracing {
  const env = options.env ?? process.env;
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  propagation.setGlobalPropagator(new CompositePropagator({ propagators: [new W3CTraceContextPropagator(), new W3CBaggagePropagator()] }));

  const endpoint = env['OTEL_EXPORTER_OTLP_TRACES_ENDPOINT'] ?? env['OTEL_EXPORTER_OTLP_ENDPOINT'];
  const disabled = env['OTEL_SDK_DISABLED'] === 'true' || env['OTEL_TRACES_EXPORTER'] === 'none';
  const spanProcessors = options.spanProcessors ?? (endpoint && !disabled ? [new BatchSpanProcessor({ exporter: new OTLPTraceExporter() })] : []);
  if (spanProcessors.length === 0) return { recording: false, shutdown: async () => undefined };

  const provider = new TracerProvider({
    resource: resourceFromAttributes({ [ATTR_SERVICE_NAME]: env['OTEL_SERVICE_NAME'] ?? options.service }),
    spanProcessors,
  });
  trace.setGlobalTracerProvider(provider);
  let stopped: Promise<void> | undefined;
  return {
    recording: true,
    shutdown: () => (stopped ??= provider.shutdown().finally(() => trace.disable())),
  };
}
