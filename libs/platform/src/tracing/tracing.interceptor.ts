import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import { type Attributes, context, propagation, ROOT_CONTEXT, type Span, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { httpStatusOf, isDomainError } from '@mallbots/ddd';
import { HttpException } from '@nestjs/common';
import { Observable } from 'rxjs';
import { HealthController } from '../health.controller.js';
import { httpCarrierGetter, metadataCarrierGetter, type GrpcMetadataLike } from './carriers.js';
import { idAttributes } from './id-attributes.js';

const tracer = () => trace.getTracer('mallbots/platform');

interface HttpRequestLike {
  method: string;
  originalUrl?: string;
  url: string;
  route?: { path?: string };
  headers: Record<string, string | string[] | undefined>;
  params?: Record<string, unknown>;
  body?: unknown;
}

/**
 * A SERVER span around every REST request and gRPC call (T01, T02, T04), child of the caller's `traceparent`
 * (HTTP header or gRPC metadata). The handler — and so the transaction, the domain events and the outbox rows —
 * runs inside it, which is how the messages a request causes carry its trace (T03). The span gets the request's ids
 * as attributes (`mallbots.basket_id`, …), "Handling…"/"Handled…" events with TookMS, and on failure the
 * exception; its status is ERROR only for server faults (5xx / INTERNAL), not for refused input. Registered before
 * the TransactionInterceptor. Health, readiness and metrics are not traced.
 */
@Injectable()
export class TracingInterceptor implements NestInterceptor {
  intercept(execution: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (execution.getClass() === HealthController) return next.handle();
    const { name, parent, attributes } = describe(execution);
    return new Observable((subscriber) => {
      const span = tracer().startSpan(name, { kind: SpanKind.SERVER, attributes }, parent);
      const started = performance.now();
      span.addEvent(`Handling ${name}`);
      const subscription = context.with(trace.setSpan(parent, span), () =>
        next.handle().subscribe({
          next: (value) => subscriber.next(value),
          error: (err: unknown) => {
            finish(span, name, started, err);
            subscriber.error(err);
          },
          complete: () => {
            if (execution.getType() === 'http') span.setAttribute('http.response.status_code', execution.switchToHttp().getResponse<{ statusCode: number }>().statusCode);
            finish(span, name, started);
            subscriber.complete();
          },
        }),
      );
      return () => subscription.unsubscribe();
    });
  }
}

function describe(execution: ExecutionContext): { name: string; parent: ReturnType<typeof context.active>; attributes: Attributes } {
  if (execution.getType() === 'rpc') {
    const rpc = execution.switchToRpc();
    const metadata = rpc.getContext<GrpcMetadataLike>();
    // grpc-js server calls know their path ("/customerspb.CustomersService/GetCustomer"); the names of the Nest
    // controller and handler are the fallback.
    const path = (execution.getArgByIndex(2) as { getPath?: () => string } | undefined)?.getPath?.()?.replace(/^\//, '');
    const [service, method] = path?.split('/') ?? [execution.getClass().name.replace(/Controller$/, ''), execution.getHandler().name];
    return {
      name: `${service}/${method}`,
      parent: propagation.extract(ROOT_CONTEXT, metadata, metadataCarrierGetter),
      attributes: { 'rpc.system': 'grpc', 'rpc.service': service, 'rpc.method': method, ...idAttributes(rpc.getData()) },
    };
  }
  const request = execution.switchToHttp().getRequest<HttpRequestLike>();
  const route = request.route?.path ?? request.url.split('?')[0]!;
  return {
    name: `${request.method} ${route}`,
    parent: propagation.extract(ROOT_CONTEXT, request.headers, httpCarrierGetter),
    attributes: { 'http.request.method': request.method, 'http.route': route, 'url.path': (request.originalUrl ?? request.url).split('?')[0]!, ...idAttributes(request.params), ...idAttributes(request.body) },
  };
}

function finish(span: Span, name: string, started: number, err?: unknown): void {
  const tookMs = Math.round((performance.now() - started) * 1000) / 1000;
  if (err === undefined) {
    span.addEvent(`Handled ${name}`, { TookMS: tookMs });
  } else {
    const status = isDomainError(err) ? httpStatusOf(err) : err instanceof HttpException ? err.getStatus() : 500;
    span.recordException(err instanceof Error ? err : String(err));
    span.addEvent(`Failed ${name}`, { TookMS: tookMs, 'http.response.status_code': status });
    span.setAttribute('http.response.status_code', status);
    if (status >= 500) span.setStatus({ code: SpanStatusCode.ERROR, message: err instanceof Error ? err.message : String(err) });
  }
  span.end();
}
