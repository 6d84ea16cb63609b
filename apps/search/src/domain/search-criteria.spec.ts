import { InvalidArgumentError, Money } from '@mallbots/ddd';
import { decodeCursor, encodeCursor } from './cursor.js';
import { OrderStatus } from './order-status.js';
import { DEFAULT_LIMIT, MAX_LIMIT, parseSearch, type SearchRequest } from './search-criteria.js';

describe('parseSearch', () => {
  it('treats proto3 zero values as "no filter" and pages by the default limit', () => {
    const criteria = parseSearch({ customerId: '', storeIds: [], productIds: [], minTotal: 0, maxTotal: 0, status: '', next: '', limit: 0 });
    expect(criteria.filters).toEqual({ storeIds: [], productIds: [] });
    expect(criteria.page).toEqual({ limit: DEFAULT_LIMIT, after: undefined });
  });

  it('normalises the filters: trimmed, de-duplicated sorted ids, money in cents, status in ordering’s words', () => {
    const after = new Date('2024-01-01T00:00:00Z');
    const before = new Date('2024-02-01T00:00:00Z');
    const { filters } = parseSearch({
      customerId: ' c1 ',
      after,
      before,
      storeIds: ['s2', 's1', 's2'],
      productIds: [' p1'],
      minTotal: 10.5,
      maxTotal: 20,
      status: 'Ready For Pickup',
    });
    expect(filters).toEqual({
      customerId: 'c1',
      after,
      before,
      storeIds: ['s1', 's2'],
      productIds: ['p1'],
      minTotal: Money.ofCents(1050),
      maxTotal: Money.ofCents(2000),
      status: OrderStatus.Ready,
    });
  });

  it('caps the limit at the maximum', () => {
    expect(parseSearch({ limit: 1_000 }).page.limit).toBe(MAX_LIMIT);
    expect(parseSearch({ limit: 7 }).page.limit).toBe(7);
  });

  it.each<[SearchRequest, string]>([
    [{ limit: -1 }, 'the limit -1 must be a whole number ≥ 0'],
    [{ minTotal: -1 }, 'the minimum total must be a number ≥ 0'],
    [{ maxTotal: 1.001 }, 'the maximum total 1.001 has more than two decimal places'],
    [{ minTotal: 20, maxTotal: 10 }, 'the minimum total cannot be greater than the maximum total'],
    [{ after: new Date('2024-02-01'), before: new Date('2024-01-01') }, 'the "after" time must be earlier than the "before" time'],
    [{ after: new Date('not a date') }, 'the "after" time is not a valid time'],
    [{ storeIds: ['s1', ' '] }, 'a store id cannot be blank'],
    [{ productIds: Array.from({ length: 101 }, (_, i) => `p${i}`) }, 'at most 100 product ids can be searched for at once'],
    [{ status: 'shipped' }, 'unknown order status "shipped"; expected one of pending, approved, rejected, cancelled, ready, completed'],
    [{ next: 'garbage' }, 'the "next" cursor is not valid; pass the one a previous response returned'],
  ])('refuses %p', (request, message) => {
    expect(() => parseSearch(request)).toThrow(new InvalidArgumentError(message));
  });

  describe('cursors', () => {
    const position = { createdAtMicros: '1714557600123456', orderId: 'o-42' };

    it('round-trip through the opaque text for the same filters, in any equivalent spelling', () => {
      const key = parseSearch({ storeIds: ['s1', 's2'], status: 'ready' }).filtersKey;
      const next = encodeCursor(position, key);
      expect(next).toMatch(/^[A-Za-z0-9_-]+$/);
      expect(parseSearch({ storeIds: ['s2', 's1', 's1'], status: 'Ready For Pickup', next }).page.after).toEqual(position);
    });

    it('are refused with other filters, so a page is never skipped silently', () => {
      const next = encodeCursor(position, parseSearch({ status: 'ready' }).filtersKey);
      expect(() => parseSearch({ status: 'pending', next })).toThrow(new InvalidArgumentError('the "next" cursor was made for other filters; start again without it'));
    });

    it.each([
      Buffer.from(JSON.stringify({ v: 2, t: '1', i: 'o', f: 'x' })).toString('base64url'),
      Buffer.from(JSON.stringify({ v: 1, t: '1; DROP TABLE orders', i: 'o', f: 'x' })).toString('base64url'),
      Buffer.from(JSON.stringify({ v: 1, t: '1', i: '', f: 'x' })).toString('base64url'),
      Buffer.from('null').toString('base64url'),
      '%%%',
    ])('refuses a tampered or foreign cursor %p', (cursor) => {
      expect(() => decodeCursor(cursor, 'x')).toThrow(InvalidArgumentError);
    });
  });
});
