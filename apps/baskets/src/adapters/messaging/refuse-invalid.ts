import { MalformedMessageError } from '@mallbots/am';
import { InvalidArgumentError, Money } from '@mallbots/ddd';
import type { DomainEvent } from '@mallbots/ddd';

/**
 * Runs a projection; a payload the model refuses (a blank id, a price with fractions of a cent) will be refused on
 * every redelivery too, so it is dead-lettered at once, with the reason, instead of being retried (O12).
 */
export async function refuseInvalid(event: DomainEvent, project: () => Promise<void>): Promise<void> {
  try {
    await project();
  } catch (err) {
    if (err instanceof InvalidArgumentError) throw new MalformedMessageError(`${event.name} ${event.id}: ${err.message}`, { cause: err });
    throw err;
  }
}

/** A wire price (the reference's decimal double) as exact cents; more than two decimals is refused (InvalidArgument). */
export function moneyOf(amount: number): Money {
  return Money.fromDecimal(amount);
}
