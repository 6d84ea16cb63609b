import { MalformedMessageError } from '@mallbots/am';
import { ConflictError, InternalError, isDomainError, UnavailableError } from '@mallbots/ddd';

/**
 * For event handlers: a business refusal (an OrderReadied whose total has fractions of a cent or whose payment id
 * is blank, an order invoiced under another payment, a paid invoice whose order is canceled) refuses the same way on
 * every redelivery, so it is dead-lettered at once with its reason instead of spending the retries (libs/am:
 * MalformedMessageError means "never handleable"). Retryable errors (a lost optimistic-concurrency race, an outage)
 * and bugs are re-thrown as they are: redelivered with backoff, dead-lettered only after the last attempt.
 * The same split as libs/am's command handler makes between Failure replies and redeliveries.
 */
export async function refusalIsFinal(what: string, work: () => Promise<unknown>): Promise<void> {
  try {
    await work();
  } catch (err) {
    if (isDomainError(err) && !(err instanceof ConflictError || err instanceof UnavailableError || err instanceof InternalError)) {
      throw new MalformedMessageError(`${what} cannot be handled: ${err.message}`, { cause: err });
    }
    throw err;
  }
}
