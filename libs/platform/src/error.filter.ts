import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { errorBodyOf, type ErrorBody, GrpcCode, isDomainError, httpStatusOf } from '@mallbots/ddd';
import { throwError, type Observable } from 'rxjs';

interface HttpResponseLike {
  status(code: number): HttpResponseLike;
  json(body: unknown): void;
  headersSent?: boolean;
}

/**
 * One place where errors become answers (reference-behaviour §1.3, architecture §4.3): for REST the status and
 * the grpc-gateway body `{code, message, details}` the reference's clients read; for gRPC the status code and
 * message. Typed domain errors keep their message; Nest's own HTTP errors (validation, unknown route, body too
 * large) keep theirs with the matching code; anything else is a bug: logged with its stack, answered as
 * "internal error" without internals.
 */
@Catch()
export class ErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('ErrorFilter');

  catch(exception: unknown, host: ArgumentsHost): Observable<never> | void {
    const { status, body } = this.describe(exception);
    if (host.getType() === 'rpc') return throwError(() => ({ code: body.code, message: body.message }));
    const response = host.switchToHttp().getResponse<HttpResponseLike>();
    if (response.headersSent) return;
    response.status(status).json(body);
  }

  private describe(exception: unknown): { status: number; body: ErrorBody } {
    if (isDomainError(exception)) return { status: httpStatusOf(exception), body: errorBodyOf(exception) };
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      return { status, body: { code: grpcCodeOfHttpStatus(status), message: httpMessage(exception), details: [] } };
    }
    this.logger.error(exception instanceof Error ? (exception.stack ?? exception.message) : String(exception));
    return { status: 500, body: errorBodyOf(exception) };
  }
}

/** Nest's ValidationPipe puts a list of messages in the response; the wire has one message string. */
function httpMessage(exception: HttpException): string {
  const response = exception.getResponse();
  if (typeof response === 'string') return response;
  const message = (response as { message?: unknown }).message;
  if (Array.isArray(message)) return message.join('; ');
  return typeof message === 'string' ? message : exception.message;
}

/** The inverse of grpc-gateway's code → status mapping, for errors raised by HTTP machinery rather than the domain. */
export function grpcCodeOfHttpStatus(status: number): number {
  switch (status) {
    case 400:
    case 413:
    case 415:
      return GrpcCode.INVALID_ARGUMENT;
    case 401:
      return GrpcCode.UNAUTHENTICATED;
    case 403:
      return GrpcCode.PERMISSION_DENIED;
    case 404:
      return GrpcCode.NOT_FOUND;
    case 405:
    case 501:
      return GrpcCode.UNIMPLEMENTED;
    case 409:
      return GrpcCode.ABORTED;
    case 429:
      return GrpcCode.RESOURCE_EXHAUSTED;
    case 503:
      return GrpcCode.UNAVAILABLE;
    case 504:
      return GrpcCode.DEADLINE_EXCEEDED;
    default:
      return status >= 500 ? GrpcCode.INTERNAL : GrpcCode.UNKNOWN;
  }
}
