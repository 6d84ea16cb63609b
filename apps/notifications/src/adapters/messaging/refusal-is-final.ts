import { MalformedMessageError } from '@mallbots/am';
import { type DomainEvent, InvalidArgumentError, NotFoundError } from '@mallbots/ddd';

/**
 * For the event handlers: a refusal that every redelivery would repeat — a blank id (InvalidArgument), an order
 * for a customer Customers does not know (NotFound) — is dead-lettered at once with its reason instead of spending
 * the retries (libs/am: MalformedMessageError = never handleable). Everything else (Customers unavailable, a lost
 * race, a bug) is re-thrown: redelivered with backoff, dead-lettered only after the last attempt.
 */
export async function refusalIsFinal(event: DomainEvent, work: () => Promise<unknown>): Promise<void> {
  try {
    await work();
  } catch (err) {
    if (err instanceof InvalidArgumentError || err instanceof NotFoundError) throw new MalformedMessageError(`${event.name} ${event.id} cannot be handled: ${err.message}`, { cause: err });
    throw err;
  }
}
