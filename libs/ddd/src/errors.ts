/**
 * Expected domain failures. Each kind maps to one gRPC code and one HTTP status in `error-mapping.ts`, the only
 * place where that mapping lives (reference-behaviour §1.3). Anything thrown that is not a DomainError is a bug and
 * surfaces as Internal / 500 without leaking its message.
 */
export type ErrorKind =
  | 'InvalidArgument'
  | 'NotFound'
  | 'AlreadyExists'
  | 'FailedPrecondition'
  | 'Conflict'
  | 'Unauthenticated'
  | 'PermissionDenied'
  | 'Unavailable'
  | 'Internal';

export interface ErrorDetail {
  readonly field?: string;
  readonly reason: string;
}

export abstract class DomainError extends Error {
  abstract readonly kind: ErrorKind;

  constructor(
    message: string,
    readonly details: readonly ErrorDetail[] = [],
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** The input breaks a rule (bad id, negative quantity, empty name…). HTTP 400. */
export class InvalidArgumentError extends DomainError {
  readonly kind = 'InvalidArgument' as const;
}

/** The addressed thing does not exist. HTTP 404. */
export class NotFoundError extends DomainError {
  readonly kind = 'NotFound' as const;
}

/** A create for an id that is already taken. HTTP 409. */
export class AlreadyExistsError extends DomainError {
  readonly kind = 'AlreadyExists' as const;
}

/** The operation is not allowed in the current state (e.g. checking out a cancelled basket). HTTP 400. */
export class FailedPreconditionError extends DomainError {
  readonly kind = 'FailedPrecondition' as const;
}

/** A concurrent writer won (optimistic concurrency). HTTP 409 / gRPC ABORTED; messages are redelivered. */
export class ConflictError extends DomainError {
  readonly kind = 'Conflict' as const;
}

export class UnauthenticatedError extends DomainError {
  readonly kind = 'Unauthenticated' as const;
}

export class PermissionDeniedError extends DomainError {
  readonly kind = 'PermissionDenied' as const;
}

/** A dependency could not be reached (retryable). HTTP 503. */
export class UnavailableError extends DomainError {
  readonly kind = 'Unavailable' as const;
}

export class InternalError extends DomainError {
  readonly kind = 'Internal' as const;
}

export function isDomainError(err: unknown): err is DomainError {
  return err instanceof DomainError;
}
