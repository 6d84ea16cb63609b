import { MalformedMessageError } from '@mallbots/am';
import { type DomainEvent, InvalidArgumentError } from '@mallbots/ddd';

/**
 * Runs a projection; a payload the model refuses (a blank store or product id) will be refused on every redelivery
 * too, so it is dead-lettered at once, with the reason, instead of spending the retries (O12).
 */
export async function refuseInvalid(event: DomainEvent, project: () => Promise<void>): Promise<void> {
  try {
    await project();
  } catch (err) {
    if (err instanceof InvalidArgumentError) throw new MalformedMessageError(`${event.name} ${event.id}: ${err.message}`, { cause: err });
    throw err;
  }
}
