// What can go wrong when the kiosk calls MallBots, as three types a front end can tell apart: the API answered
// with an error (KioskApiError: status, gRPC-style code, the service's message), the answer did not come in time
// (KioskTimeoutError), or there was no answer at all (KioskNetworkError).

/** The services' `code` values: gRPC status codes (numbers fixed by the gRPC spec). */
export const ApiErrorCode = {
  OK: 0,
  CANCELLED: 1,
  UNKNOWN: 2,
  INVALID_ARGUMENT: 3,
  DEADLINE_EXCEEDED: 4,
  NOT_FOUND: 5,
  ALREADY_EXISTS: 6,
  PERMISSION_DENIED: 7,
  RESOURCE_EXHAUSTED: 8,
  FAILED_PRECONDITION: 9,
  ABORTED: 10,
  OUT_OF_RANGE: 11,
  UNIMPLEMENTED: 12,
  INTERNAL: 13,
  UNAVAILABLE: 14,
  DATA_LOSS: 15,
  UNAUTHENTICATED: 16,
} as const;
export type ApiErrorCode = (typeof ApiErrorCode)[keyof typeof ApiErrorCode];

const codeNames = new Map<number, string>(Object.entries(ApiErrorCode).map(([name, code]) => [code, name]));

/**
 * The code for an error answer without the services' JSON body (the gateway's own 502/504 pages, a proxy's 413):
 * the inverse of grpc-gateway's code → status mapping, as the services use it for their HTTP-level errors, except
 * that the gateway's 502 (the service is not reachable) counts as UNAVAILABLE, which a kiosk may retry.
 */
export function codeOfHttpStatus(status: number): number {
  switch (status) {
    case 400:
    case 413:
    case 415:
      return ApiErrorCode.INVALID_ARGUMENT;
    case 401:
      return ApiErrorCode.UNAUTHENTICATED;
    case 403:
      return ApiErrorCode.PERMISSION_DENIED;
    case 404:
      return ApiErrorCode.NOT_FOUND;
    case 405:
    case 501:
      return ApiErrorCode.UNIMPLEMENTED;
    case 409:
      return ApiErrorCode.ABORTED;
    case 429:
      return ApiErrorCode.RESOURCE_EXHAUSTED;
    case 502:
    case 503:
      return ApiErrorCode.UNAVAILABLE;
    case 504:
      return ApiErrorCode.DEADLINE_EXCEEDED;
    default:
      return status >= 500 ? ApiErrorCode.INTERNAL : ApiErrorCode.UNKNOWN;
  }
}

export interface KioskApiErrorInit {
  readonly method: string;
  readonly path: string;
  readonly status: number;
  readonly code: number;
  readonly message: string;
  readonly details?: readonly unknown[];
  /** The request id the gateway or the service answered with (`X-Request-Id`), for finding the request in the logs. */
  readonly requestId?: string;
}

/**
 * The API answered with a status other than 2xx. `message` is the service's own text (e.g. "the item quantity
 * cannot be negative"), fit to show or to match on; `code` says what kind of failure it is.
 */
export class KioskApiError extends Error {
  override readonly name = 'KioskApiError';
  readonly method: string;
  readonly path: string;
  /** The HTTP status. */
  readonly status: number;
  /** The gRPC-style code from the body (`ApiErrorCode`), or one derived from the status when there was no body. */
  readonly code: number;
  readonly details: readonly unknown[];
  readonly requestId: string | undefined;

  constructor(init: KioskApiErrorInit) {
    super(init.message);
    this.method = init.method;
    this.path = init.path;
    this.status = init.status;
    this.code = init.code;
    this.details = init.details ?? [];
    this.requestId = init.requestId;
  }

  /** `NOT_FOUND`, `INVALID_ARGUMENT`, … (`CODE_<n>` for a code outside the gRPC set). */
  get codeName(): string {
    return codeNames.get(this.code) ?? `CODE_${this.code}`;
  }

  get isNotFound(): boolean {
    return this.code === ApiErrorCode.NOT_FOUND;
  }

  /** The request was refused as it stands (bad input, or not allowed in the current state): retrying will not help. */
  get isBadRequest(): boolean {
    return this.status === 400;
  }

  /** The service could not answer now (unavailable, overloaded, timed out behind the gateway): a retry may work. */
  get isRetryable(): boolean {
    return this.code === ApiErrorCode.UNAVAILABLE || this.code === ApiErrorCode.DEADLINE_EXCEEDED || this.code === ApiErrorCode.RESOURCE_EXHAUSTED || this.code === ApiErrorCode.ABORTED;
  }
}

/** No answer came within the request's timeout; the request may or may not have taken effect. */
export class KioskTimeoutError extends Error {
  override readonly name = 'KioskTimeoutError';
  readonly method: string;
  readonly path: string;
  readonly timeoutMs: number;

  constructor(method: string, path: string, timeoutMs: number) {
    super(`${method} ${path} did not answer within ${timeoutMs} ms`);
    this.method = method;
    this.path = path;
    this.timeoutMs = timeoutMs;
  }
}

/** The request could not be sent or its answer not read (connection refused, reset, DNS); the cause is attached. */
export class KioskNetworkError extends Error {
  override readonly name = 'KioskNetworkError';
  readonly method: string;
  readonly path: string;

  constructor(method: string, path: string, cause: unknown) {
    super(`${method} ${path} failed: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.method = method;
    this.path = path;
  }
}
