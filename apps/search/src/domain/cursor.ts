import { createHash } from 'node:crypto';
import { InvalidArgumentError } from '@mallbots/ddd';
import type { SearchFilters } from './search-criteria.js';

/**
 * Where a page ended, in the result order (newest first: created_at DESC, order_id DESC). Keyset paging: the next
 * page starts strictly after this position, so an order is returned once across pages even while new orders arrive
 * (they sort before the position, so they are never re-counted or shift later pages as OFFSET paging would).
 */
export interface CursorPosition {
  /** created_at in microseconds since the epoch, as decimal digits (PostgreSQL's precision, beyond a JS Date). */
  readonly createdAtMicros: string;
  readonly orderId: string;
}

const VERSION = 1;
const invalid = () => new InvalidArgumentError('the "next" cursor is not valid; pass the one a previous response returned');

/**
 * An opaque cursor: base64url JSON with a version, the position and a key of the filters it was made for, so a
 * cursor reused with other filters is refused instead of silently skipping results.
 */
export function encodeCursor(position: CursorPosition, key: string): string {
  return Buffer.from(JSON.stringify({ v: VERSION, t: position.createdAtMicros, i: position.orderId, f: key })).toString('base64url');
}

export function decodeCursor(cursor: string, key: string): CursorPosition {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalid();
  }
  const { v, t, i, f } = (parsed ?? {}) as Record<string, unknown>;
  if (v !== VERSION || typeof t !== 'string' || !/^-?\d{1,20}$/.test(t) || typeof i !== 'string' || !i) throw invalid();
  if (f !== key) throw new InvalidArgumentError('the "next" cursor was made for other filters; start again without it');
  return { createdAtMicros: t, orderId: i };
}

/** A short, stable digest of normalised filters (ids sorted, money in cents, times in ms). */
export function filtersKey(filters: SearchFilters): string {
  const canonical = JSON.stringify([
    filters.customerId ?? null,
    filters.after?.getTime() ?? null,
    filters.before?.getTime() ?? null,
    filters.storeIds,
    filters.productIds,
    filters.minTotal?.cents ?? null,
    filters.maxTotal?.cents ?? null,
    filters.status ?? null,
  ]);
  return createHash('sha256').update(canonical).digest('base64url').slice(0, 16);
}
