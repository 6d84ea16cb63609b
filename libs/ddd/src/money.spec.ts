import { InvalidArgumentError } from './errors.js';
import { Money } from './money.js';

describe('Money', () => {
  it.each([
    [9.99, 999],
    [0.1, 10],
    [0.3, 30],
    [1234567.89, 123456789],
    [-2.5, -250],
    [0, 0],
  ])('keeps %p exactly as %p cents', (decimal, cents) => {
    expect(Money.fromDecimal(decimal).cents).toBe(cents);
    expect(Money.fromDecimal(decimal).toDecimal()).toBe(decimal);
  });

  it.each([0.001, 9.999, Number.NaN, Number.POSITIVE_INFINITY])('refuses %p', (bad) => {
    expect(() => Money.fromDecimal(bad)).toThrow(InvalidArgumentError);
  });

  it('adds where floats drift: 0.1 + 0.2 is 0.30', () => {
    expect(Money.fromDecimal(0.1).plus(Money.fromDecimal(0.2)).toDecimal()).toBe(0.3);
    expect(0.1 + 0.2).not.toBe(0.3);
  });

  it('computes deltas, totals and comparisons', () => {
    const price = Money.fromDecimal(4.25);
    expect(price.times(3).toDecimal()).toBe(12.75);
    expect(Money.fromDecimal(3).minus(price).toDecimal()).toBe(-1.25);
    expect(Money.fromDecimal(3).minus(price).isNegative()).toBe(true);
    expect(price.compare(Money.fromDecimal(4.26))).toBe(-1);
    expect(price.equals(Money.ofCents(425))).toBe(true);
    expect(() => price.times(1.5)).toThrow(InvalidArgumentError);
    expect(() => Money.ofCents(1.5)).toThrow(InvalidArgumentError);
  });

  it('serialises as cents and prints as a decimal', () => {
    expect(JSON.stringify({ price: Money.fromDecimal(9.99) })).toBe('{"price":999}');
    expect(Money.fromDecimal(-0.05).toString()).toBe('-0.05');
    expect(Money.fromDecimal(12).toString()).toBe('12.00');
  });
});
