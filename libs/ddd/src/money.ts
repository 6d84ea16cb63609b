import { InvalidArgumentError } from './errors.js';

/**
 * An exact amount of money in integer minor units (cents), so sums, deltas and quantities never drift the way the
 * reference's float64 prices do (architecture §4.9). The wire keeps the reference's decimal numbers
 * (`price: 9.99`): convert at the edges with `fromDecimal` / `toDecimal`. Amounts may be negative (price deltas);
 * whether a negative amount is allowed is the caller's rule.
 */
export class Money {
  private constructor(readonly cents: number) {}

  static readonly zero = new Money(0);

  static ofCents(cents: number): Money {
    if (!Number.isSafeInteger(cents)) throw new InvalidArgumentError(`the amount ${cents} is not a whole number of cents`);
    return new Money(cents);
  }

  /** From a decimal amount such as 9.99; more than two decimal places, NaN or Infinity are refused. */
  static fromDecimal(amount: number): Money {
    if (!Number.isFinite(amount)) throw new InvalidArgumentError(`the amount ${amount} is not a number`);
    const cents = Math.round(amount * 100);
    // 0.1 * 100 = 10.000000000000002: tolerate binary noise, refuse real fractions of a cent.
    if (Math.abs(amount * 100 - cents) > 1e-6 * Math.max(1, Math.abs(cents))) {
      throw new InvalidArgumentError(`the amount ${amount} has more than two decimal places`);
    }
    return Money.ofCents(cents);
  }

  toDecimal(): number {
    return this.cents / 100;
  }

  plus(other: Money): Money {
    return Money.ofCents(this.cents + other.cents);
  }

  minus(other: Money): Money {
    return Money.ofCents(this.cents - other.cents);
  }

  /** Times a whole quantity. */
  times(quantity: number): Money {
    if (!Number.isSafeInteger(quantity)) throw new InvalidArgumentError(`the quantity ${quantity} is not a whole number`);
    return Money.ofCents(this.cents * quantity);
  }

  isNegative(): boolean {
    return this.cents < 0;
  }

  isZero(): boolean {
    return this.cents === 0;
  }

  equals(other: Money): boolean {
    return this.cents === other.cents;
  }

  compare(other: Money): number {
    return Math.sign(this.cents - other.cents);
  }

  /** JSON (event payloads, snapshots) stores cents: exact, and unambiguous when read back with `ofCents`. */
  toJSON(): number {
    return this.cents;
  }

  toString(): string {
    const sign = this.cents < 0 ? '-' : '';
    const abs = Math.abs(this.cents);
    return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
  }
}
