import { Money } from '@mallbots/ddd';

/**
 * Reads back a Money that was stored as JSON. `Money.toJSON` writes whole cents, so events and snapshots hold exact
 * integers (never the reference's float64 prices, §14.4 item 39). Anything else means corrupted or foreign data: a
 * plain Error (a bug, HTTP 500), not an InvalidArgumentError that would blame the caller's input.
 */
export function moneyFromJson(value: unknown, where: string): Money {
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) {
    throw new TypeError(`${where}: expected a whole number of cents, got ${JSON.stringify(value)}`);
  }
  return Money.ofCents(value);
}
