import { BadRequestException, NotFoundException, PayloadTooLargeException, type ArgumentsHost } from '@nestjs/common';
import { ConflictError, FailedPreconditionError, NotFoundError, UnauthenticatedError } from '@mallbots/ddd';
import { lastValueFrom, type Observable } from 'rxjs';
import { ErrorFilter } from './error.filter.js';

function httpHost() {
  const sent: { status?: number; body?: unknown } = {};
  const response = {
    status(code: number) {
      sent.status = code;
      return response;
    },
    json(body: unknown) {
      sent.body = body;
    },
  };
  const host = { getType: () => 'http', switchToHttp: () => ({ getResponse: () => response }) } as unknown as ArgumentsHost;
  return { host, sent };
}

const rpcHost = { getType: () => 'rpc' } as unknown as ArgumentsHost;

describe('ErrorFilter', () => {
  const filter = new ErrorFilter();

  it.each([
    [new NotFoundError('customer c-1 not found'), 404, 5],
    [new FailedPreconditionError('the customer is already enabled'), 400, 3], // the reference's BadRequest on the wire,
    [new UnauthenticatedError('customer is not authorized'), 401, 16],
    [new ConflictError('changed concurrently'), 409, 10],
  ])('answers %p with HTTP %p and the grpc-gateway body (code %p)', (error, status, code) => {
    const { host, sent } = httpHost();
    filter.catch(error, host);
    expect(sent).toEqual({ status, body: { code, message: error.message, details: [] } });
  });

  it.each([
    [new BadRequestException(['name must be a string', 'smsNumber must be a string']), 400, 3, 'name must be a string; smsNumber must be a string'],
    [new NotFoundException('Cannot GET /nope'), 404, 5, 'Cannot GET /nope'],
    [new PayloadTooLargeException(), 413, 3, 'Payload Too Large'],
  ])('keeps the status and message of Nest’s HTTP errors (%p)', (error, status, code, message) => {
    const { host, sent } = httpHost();
    filter.catch(error, host);
    expect(sent).toEqual({ status, body: { code, message, details: [] } });
  });

  it('answers a bug with 500 "internal error" and no internals', () => {
    const { host, sent } = httpHost();
    filter.catch(new TypeError('secret detail'), host);
    expect(sent).toEqual({ status: 500, body: { code: 2, message: 'internal error', details: [] } });
  });

  it('turns errors into gRPC statuses on gRPC calls', async () => {
    const result = filter.catch(new NotFoundError('product p-1 not found'), rpcHost) as Observable<never>;
    await expect(lastValueFrom(result)).rejects.toEqual({ code: 5, message: 'product p-1 not found' });
  });
});
