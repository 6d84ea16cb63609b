import { MalformedMessageError } from '@mallbots/am';
import { InvalidArgumentError } from '@mallbots/ddd';

/**
 * Runs an event's use case, dead-lettering at once an event whose content the domain refuses (InvalidArgument: no
 * items, a blank customer id, a fraction of a cent): no retry can make it valid, so it goes straight to the dead
 * letters with the reason instead of costing every backoff round first. Other refusals stay retryable: NotFound or
 * a status refusal can be an event that overtook the one it depends on (ShoppingListCompleted before the saga's
 * ApproveOrder); if it still fails after maxDeliver it is dead-lettered, visible and replayable.
 */
export async function refusingInvalidEvents(work: () => Promise<unknown>): Promise<void> {
  try {
    await work();
  } catch (err) {
    if (err instanceof InvalidArgumentError) throw new MalformedMessageError(`the event cannot be applied: ${err.message}`, { cause: err });
    throw err;
  }
}
