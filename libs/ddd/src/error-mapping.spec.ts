import {
  AlreadyExistsError,
  ConflictError,
  FailedPreconditionError,
  GrpcCode,
  InvalidArgumentError,
  NotFoundError,
  PermissionDeniedError,
  UnauthenticatedError,
  UnavailableError,
  InternalError,
  domainErrorFromGrpc,
  errorBodyOf,
  grpcCodeOf,
  httpStatusOf,
  httpStatusOfGrpcCode,
} from './index.js';

describe('error mapping', () => {
  it.each([
    [new InvalidArgumentError('x'), GrpcCode.INVALID_ARGUMENT, 400],
    [new NotFoundError('x'), GrpcCode.NOT_FOUND, 404],
    [new AlreadyExistsError('x'), GrpcCode.ALREADY_EXISTS, 409],
    [new FailedPreconditionError('x'), GrpcCode.INVALID_ARGUMENT, 400],
    [new ConflictError('x'), GrpcCode.ABORTED, 409],
    [new UnauthenticatedError('x'), GrpcCode.UNAUTHENTICATED, 401],
    [new PermissionDeniedError('x'), GrpcCode.PERMISSION_DENIED, 403],
    [new UnavailableError('x'), GrpcCode.UNAVAILABLE, 503],
    [new InternalError('x'), GrpcCode.INTERNAL, 500],
    [new Error('sql: no rows'), GrpcCode.UNKNOWN, 500],
  ])('%p maps to gRPC %i and HTTP %i', (err, grpc, http) => {
    expect(grpcCodeOf(err)).toBe(grpc);
    expect(httpStatusOf(err)).toBe(http);
    expect(httpStatusOfGrpcCode(grpc)).toBe(http);
  });

  it('builds the grpc-gateway error body and hides messages of unexpected errors', () => {
    expect(errorBodyOf(new InvalidArgumentError('the quantity cannot be negative', [{ field: 'quantity', reason: 'negative' }]))).toEqual({
      code: 3,
      message: 'the quantity cannot be negative',
      details: [{ field: 'quantity', reason: 'negative' }],
    });
    expect(errorBodyOf(new Error('password=secret in SQL'))).toEqual({ code: 2, message: 'internal error', details: [] });
  });

  it('turns gRPC statuses from other services back into typed errors', () => {
    const err = domainErrorFromGrpc(GrpcCode.NOT_FOUND, 'store not found');
    expect(err).toBeInstanceOf(NotFoundError);
    expect(err.message).toBe('store not found');
    expect(domainErrorFromGrpc(GrpcCode.DATA_LOSS, 'x')).toBeInstanceOf(InternalError);
  });
});
