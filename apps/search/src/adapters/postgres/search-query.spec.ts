import { Money } from '@mallbots/ddd';
import { OrderStatus } from '../../domain/index.js';
import { buildSearchQuery } from './search-query.js';

const none = { storeIds: [], productIds: [] };

describe('buildSearchQuery', () => {
  it('without filters lists created orders newest first, one row more than the page', () => {
    const { text, values } = buildSearchQuery(none, { limit: 20 });
    expect(text).toMatch(/WHERE created_at IS NOT NULL ORDER BY created_at DESC, order_id DESC LIMIT \$1$/);
    expect(values).toEqual([21]);
  });

  it('ANDs one parameterised term per filter, then the keyset position', () => {
    const after = new Date('2024-01-01T00:00:00Z');
    const before = new Date('2024-02-01T00:00:00Z');
    const { text, values } = buildSearchQuery(
      { customerId: 'c1', after, before, storeIds: ['s1'], productIds: ['p1', 'p2'], minTotal: Money.ofCents(100), maxTotal: Money.ofCents(900), status: OrderStatus.Ready },
      { limit: 5, after: { createdAtMicros: '1704067200000000', orderId: 'o9' } },
    );
    const where = text.slice(text.indexOf('WHERE '), text.indexOf(' ORDER BY'));
    expect(where).toBe(
      'WHERE created_at IS NOT NULL AND customer_id = $1 AND created_at >= $2 AND created_at < $3 AND store_ids && $4::text[] ' +
        'AND product_ids && $5::text[] AND total_cents >= $6 AND total_cents <= $7 AND status = $8 ' +
        "AND (created_at, order_id) < ('epoch'::timestamptz + $9::bigint * interval '1 microsecond', $10)",
    );
    expect(values).toEqual(['c1', after, before, ['s1'], ['p1', 'p2'], 100, 900, 'ready', '1704067200000000', 'o9', 6]);
  });

  it('never splices a value into the statement text', () => {
    const { text } = buildSearchQuery({ ...none, customerId: "x' OR 1=1 --" }, { limit: 1 });
    expect(text).not.toContain('OR 1=1');
  });
});
