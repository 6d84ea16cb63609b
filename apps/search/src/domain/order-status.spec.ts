import { InvalidArgumentError } from '@mallbots/ddd';
import { laterStatus, OrderStatus, parseStatus } from './order-status.js';

describe('order status', () => {
  // Every lifecycle ordering allows (apps/ordering ORDER_TRANSITIONS), applied in every arrival order.
  const lifecycles: OrderStatus[][] = [
    [OrderStatus.Pending, OrderStatus.Approved, OrderStatus.Ready, OrderStatus.Completed],
    [OrderStatus.Pending, OrderStatus.Rejected],
    [OrderStatus.Pending, OrderStatus.Cancelled],
  ];
  const permutations = <T>(items: T[]): T[][] =>
    items.length <= 1 ? [items] : items.flatMap((item, i) => permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest]));

  it.each(lifecycles)('ends at the last status of %p whatever order the events arrive in', (...lifecycle) => {
    const final = lifecycle.at(-1)!;
    for (const arrival of permutations(lifecycle)) {
      expect(arrival.reduce(laterStatus)).toBe(final);
    }
  });

  it('keeps the stored status when the same status arrives again (a duplicate changes nothing)', () => {
    for (const status of Object.values(OrderStatus)) expect(laterStatus(status, status)).toBe(status);
  });

  it.each([
    ['pending', OrderStatus.Pending],
    ['  Approved ', OrderStatus.Approved],
    ['New', OrderStatus.Pending],
    ['Ready For Pickup', OrderStatus.Ready],
    ['Canceled', OrderStatus.Cancelled],
    ['COMPLETED', OrderStatus.Completed],
  ])('reads the filter value %p as %p (ordering’s words and the reference’s labels)', (text, status) => {
    expect(parseStatus(text)).toBe(status);
  });

  it('refuses an unknown status with the allowed values', () => {
    expect(() => parseStatus('shipped')).toThrow(new InvalidArgumentError('unknown order status "shipped"; expected one of pending, approved, rejected, cancelled, ready, completed'));
  });
});
