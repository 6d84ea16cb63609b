import { InterceptingCall, type Interceptor, type Metadata, status as GrpcStatus } from '@grpc/grpc-js';
import { context, propagation, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { metadataCarrierSetter } from './carriers.js';

/**
 * grpc-js client interceptor (T02): a CLIENT span per call, child of the active context (the request or message
 * being handled), and its `traceparent`/`baggage` written into the call's metadata so the server continues the
 * trace. Pass it when constructing a client: `new Service(address, credentials, { interceptors: [tracingClientInterceptor] })`.
 */
export const tracingClientInterceptor: Interceptor = (options, nextCall) => {
  const path = options.method_definition.path; // "/storespb.StoresService/GetStore"
  const [service = '', method = ''] = path.replace(/^\//, '').split('/');
  const span = trace.getTracer('mallbots/platform').startSpan(path.replace(/^\//, ''), {
    kind: SpanKind.CLIENT,
    attributes: { 'rpc.system': 'grpc', 'rpc.service': service, 'rpc.method': method },
  });
  const callContext = trace.setSpan(context.active(), span);
  return new InterceptingCall(nextCall(options), {
    start: (metadata: Metadata, _listener, next) => {
      propagation.inject(callContext, metadata, metadataCarrierSetter);
      // A partial listener: grpc-js passes the other events through unchanged.
      next(metadata, {
        onReceiveStatus: (status, nextStatus) => {
          span.setAttribute('rpc.grpc.status_code', status.code);
          if (status.code !== GrpcStatus.OK) span.setStatus({ code: SpanStatusCode.ERROR, message: status.details });
          span.end();
          nextStatus(status);
        },
      });
    },
  });
};
