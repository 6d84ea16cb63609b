import { isMalformedMessageError } from '@mallbots/am';
import { AlreadyExistsError, ConflictError, FailedPreconditionError, InvalidArgumentError, UnavailableError } from '@mallbots/ddd';
import { refusalIsFinal } from './refusal-is-final.js';

describe('refusalIsFinal', () => {
  const failing = (err: unknown) => () => Promise.reject(err);

  it.each([new InvalidArgumentError('bad total'), new AlreadyExistsError('taken'), new FailedPreconditionError('paid')])(
    'turns the business refusal %p into a MalformedMessageError (dead-lettered at once) that keeps the reason',
    async (refusal) => {
      const err = await refusalIsFinal('ordersapi.OrderReadied m-1', failing(refusal)).catch((e: unknown) => e);
      expect(isMalformedMessageError(err)).toBe(true);
      expect((err as Error).message).toBe(`ordersapi.OrderReadied m-1 cannot be handled: ${refusal.message}`);
      expect((err as Error).cause).toBe(refusal);
    },
  );

  it.each([new ConflictError('raced'), new UnavailableError('down'), new Error('a bug')])('re-throws %p as it is, so it is redelivered', async (err) => {
    await expect(refusalIsFinal('m', failing(err))).rejects.toBe(err);
  });

  it('resolves when the work does', async () => {
    await expect(refusalIsFinal('m', async () => 42)).resolves.toBeUndefined();
  });
});
