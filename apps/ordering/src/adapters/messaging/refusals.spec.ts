import { isMalformedMessageError } from '@mallbots/am';
import { FailedPreconditionError, InvalidArgumentError, NotFoundError } from '@mallbots/ddd';
import { refusingInvalidEvents } from './refusals.js';

describe('refusingInvalidEvents', () => {
  it('turns an InvalidArgument refusal into a MalformedMessageError (dead-lettered at once), keeping the reason', async () => {
    const cause = new InvalidArgumentError('the order has no items');
    const err = await refusingInvalidEvents(() => Promise.reject(cause)).catch((e: unknown) => e);

    expect(isMalformedMessageError(err)).toBe(true);
    expect(err).toMatchObject({ message: 'the event cannot be applied: the order has no items', cause });
  });

  it.each([new NotFoundError('order o-1 not found'), new FailedPreconditionError('the order cannot be readied'), new Error('connection reset')])(
    'lets %p through unchanged, so the event is retried with backoff',
    async (err) => {
      await expect(refusingInvalidEvents(() => Promise.reject(err))).rejects.toBe(err);
    },
  );

  it('resolves when the work does', async () => {
    await expect(refusingInvalidEvents(async () => 'done')).resolves.toBeUndefined();
  });
});
