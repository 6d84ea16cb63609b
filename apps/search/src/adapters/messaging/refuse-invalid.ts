import { MalformedMessageError } from '@mallbots/am';
import { type DomainEvent, InvalidArgumentError } from '@mallbots/ddd';

/**
 * Runs a projection. A payload the model refuses (a blank id, a fractional quantity, a price with fractions of a
 * cent) would be refused on every redelivery too, so it is dead-lettered at once with the reason instead of being
 * retried (O12). Other failures (a database error, an unreachable fallback) are rethrown and redelivered.
 */
export async function refuseInvalid(event: DomainEvent, project: () => Promise<void>): Promise<void> {
  try {
    await project();
  } catch (err) {
    if (err instanceof InvalidArgumentError) throw new MalformedMessageError(`${event.name} ${event.id}: ${err.message}`, { cause: err });
    throw err;
  }
}

/** An entity id the projection keys on; blank is refused (and so dead-lettered by refuseInvalid). */
export function requireId(id: string, what: string): string {
  if (!id.trim()) throw new InvalidArgumentError(`the ${what} id cannot be blank`);
  return id;
}
