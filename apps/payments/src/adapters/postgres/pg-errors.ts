import { ConflictError } from '@mallbots/ddd';
import { uniqueViolationConstraint } from '@mallbots/tm/sql';

/**
 * A concurrent writer inserted the same row first (two deliveries of one OrderReadied handled at once, two retries
 * of one AuthorizePayment): a ConflictError, so the request answers 409 and a message is redelivered, then finds
 * the row and is handled as a repeat. Anything else is re-thrown as it is.
 */
export async function insertOrConflict(insert: () => Promise<unknown>, what: string): Promise<void> {
  try {
    await insert();
  } catch (err) {
    if (uniqueViolationConstraint(err) !== undefined) throw new ConflictError(`${what} was created concurrently; try again`, [], { cause: err });
    throw err;
  }
}
