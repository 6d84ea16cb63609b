import type { SearchFilters, SearchPage } from '../../domain/index.js';

/** The columns a result row needs, plus its paging position (created_at in exact microseconds; PostgreSQL ≥ 14). */
export const ORDER_COLUMNS =
  'order_id, customer_id, customer_name, payment_id, items, total_cents::text AS total_cents, status, created_at, ' +
  '(extract(epoch FROM created_at) * 1000000)::bigint::text AS created_us';

/**
 * The SearchOrders statement for validated filters: one parameterised WHERE term per set filter (ANDed), keyset
 * paging on (created_at, order_id) descending — the order of `orders_page_idx` — and one row more than the page.
 * Placeholders (created_at IS NULL) never match. Values are always parameters, never spliced into the text.
 */
export function buildSearchQuery(filters: SearchFilters, page: SearchPage): { text: string; values: unknown[] } {
  const values: unknown[] = [];
  const param = (value: unknown) => {
    values.push(value);
    return `$${values.length}`;
  };
  const where = ['created_at IS NOT NULL'];
  if (filters.customerId) where.push(`customer_id = ${param(filters.customerId)}`);
  if (filters.after) where.push(`created_at >= ${param(filters.after)}`);
  if (filters.before) where.push(`created_at < ${param(filters.before)}`);
  // && is "overlaps": the order holds at least one of the ids (served by the GIN indexes).
  if (filters.storeIds.length) where.push(`store_ids && ${param(filters.storeIds)}::text[]`);
  if (filters.productIds.length) where.push(`product_ids && ${param(filters.productIds)}::text[]`);
  if (filters.minTotal) where.push(`total_cents >= ${param(filters.minTotal.cents)}`);
  if (filters.maxTotal) where.push(`total_cents <= ${param(filters.maxTotal.cents)}`);
  if (filters.status) where.push(`status = ${param(filters.status)}`);
  if (page.after) {
    const at = `'epoch'::timestamptz + ${param(page.after.createdAtMicros)}::bigint * interval '1 microsecond'`;
    where.push(`(created_at, order_id) < (${at}, ${param(page.after.orderId)})`);
  }
  const text = `SELECT ${ORDER_COLUMNS} FROM orders WHERE ${where.join(' AND ')} ORDER BY created_at DESC, order_id DESC LIMIT ${param(page.limit + 1)}`;
  return { text, values };
}
