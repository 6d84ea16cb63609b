import {
  AlreadyExistsError,
  ConflictError,
  FailedPreconditionError,
  InternalError,
  InvalidArgumentError,
  NotFoundError,
  PermissionDeniedError,
  UnauthenticatedError,
  UnavailableError,
  isDomainError,
  type DomainError,
  type ErrorDetail,
  type ErrorKind,
} from './errors.js';

/** gRPC status codes (numeric values fixed by the gRPC spec; kept here so the domain needs no gRPC import). */
export const GrpcCode = {
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
export type GrpcCode = (typeof GrpcCode)[keyof typeof GrpcCode];

const byKind: Record<ErrorKind, { grpc: GrpcCode; http: number }> = {
  InvalidArgument: { grpc: GrpcCode.INVALID_ARGUMENT, http: 400 },
  NotFound: { grpc: GrpcCode.NOT_FOUND, http: 404 },
  AlreadyExists: { grpc: GrpcCode.ALREADY_EXISTS, http: 409 },
  // On the wire a refusal in the current state is what the reference sends for it: its BadRequest category,
  // INVALID_ARGUMENT / 400, so its clients see the same body `code` (reference-behaviour §1.3). The separate kind
  // keeps the distinction readable in the domain; incoming FAILED_PRECONDITION statuses still map to it.
  FailedPrecondition: { grpc: GrpcCode.INVALID_ARGUMENT, http: 400 },
  Conflict: { grpc: GrpcCode.ABORTED, http: 409 },
  Unauthenticated: { grpc: GrpcCode.UNAUTHENTICATED, http: 401 },
  PermissionDenied: { grpc: GrpcCode.PERMISSION_DENIED, http: 403 },
  Unavailable: { grpc: GrpcCode.UNAVAILABLE, http: 503 },
  Internal: { grpc: GrpcCode.INTERNAL, http: 500 },
};

/** grpc-gateway's HTTPStatusFromCode, used for errors that arrive from other services as gRPC statuses. */
const httpByGrpc: Record<number, number> = {
  0: 200, 1: 499, 2: 500, 3: 400, 4: 504, 5: 404, 6: 409, 7: 403, 8: 429, 9: 400, 10: 409, 11: 400, 12: 501, 13: 500, 14: 503, 15: 500, 16: 401,
};

export function grpcCodeOf(err: unknown): GrpcCode {
  return isDomainError(err) ? byKind[err.kind].grpc : GrpcCode.UNKNOWN;
}

export function httpStatusOf(err: unknown): number {
  return isDomainError(err) ? byKind[err.kind].http : 500;
}

export function httpStatusOfGrpcCode(code: number): number {
  return httpByGrpc[code] ?? 500;
}

/** The REST error body of the reference's grpc-gateway: `{code, message, details}` (code is the gRPC code). */
export interface ErrorBody {
  code: number;
  message: string;
  details: ErrorDetail[];
}

/** Unexpected errors keep their message out of responses: it may hold internals (SQL, stack details). */
export function errorBodyOf(err: unknown): ErrorBody {
  if (isDomainError(err)) return { code: byKind[err.kind].grpc, message: err.message, details: [...err.details] };
  return { code: GrpcCode.UNKNOWN, message: 'internal error', details: [] };
}

const byGrpc: Partial<Record<number, new (message: string) => DomainError>> = {
  [GrpcCode.INVALID_ARGUMENT]: InvalidArgumentError,
  [GrpcCode.OUT_OF_RANGE]: InvalidArgumentError,
  [GrpcCode.NOT_FOUND]: NotFoundError,
  [GrpcCode.ALREADY_EXISTS]: AlreadyExistsError,
  [GrpcCode.FAILED_PRECONDITION]: FailedPreconditionError,
  [GrpcCode.ABORTED]: ConflictError,
  [GrpcCode.UNAUTHENTICATED]: UnauthenticatedError,
  [GrpcCode.PERMISSION_DENIED]: PermissionDeniedError,
  [GrpcCode.UNAVAILABLE]: UnavailableError,
  [GrpcCode.DEADLINE_EXCEEDED]: UnavailableError,
};

/** Client side: turns a gRPC status received from another service back into a typed error. */
export function domainErrorFromGrpc(code: number, message: string): DomainError {
  const Type = byGrpc[code] ?? InternalError;
  return new Type(message);
}
