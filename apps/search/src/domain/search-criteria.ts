import { InvalidArgumentError, Money } from '@mallbots/ddd';
import { type CursorPosition, decodeCursor, filtersKey } from './cursor.js';
import { type OrderStatus, parseStatus } from './order-status.js';

/** Default and largest page size. A larger `limit` is capped, not refused: the next cursor fetches the rest. */
export const DEFAULT_LIMIT = 20;
export const MAX_LIMIT = 100;
/** Bounds the work one query can ask for (each id is an array-overlap term). */
export const MAX_IDS = 100;

/**
 * SearchOrders as a client sent it (gRPC or REST), before validation. Proto3 has no "unset" for scalars, so the
 * zero values mean "no filter": '' for ids and status, 0 for the totals and the limit (the reference's
 * SearchOrdersRequest, reference-behaviour §3.8).
 */
export interface SearchRequest {
  readonly customerId?: string;
  readonly after?: Date;
  readonly before?: Date;
  readonly storeIds?: readonly string[];
  readonly productIds?: readonly string[];
  readonly minTotal?: number;
  readonly maxTotal?: number;
  readonly status?: string;
  readonly next?: string;
  readonly limit?: number;
}

/**
 * Validated filters; every one that is set must match (AND). `storeIds` / `productIds` match an order holding any of
 * them; `after` is inclusive and `before` exclusive (created_at ∈ [after, before)); totals are inclusive.
 */
export interface SearchFilters {
  readonly customerId?: string;
  readonly after?: Date;
  readonly before?: Date;
  readonly storeIds: readonly string[];
  readonly productIds: readonly string[];
  readonly minTotal?: Money;
  readonly maxTotal?: Money;
  readonly status?: OrderStatus;
}

export interface SearchPage {
  /** Continue after this order (from the cursor); from the newest when absent. */
  readonly after?: CursorPosition;
  readonly limit: number;
}

export interface SearchCriteria {
  readonly filters: SearchFilters;
  readonly page: SearchPage;
  /** Binds cursors to these filters. */
  readonly filtersKey: string;
}

/** Validates and normalises a request; a bad filter, limit or cursor is an InvalidArgumentError (400). */
export function parseSearch(request: SearchRequest): SearchCriteria {
  const filters: SearchFilters = {
    customerId: request.customerId?.trim() || undefined,
    after: validDate('after', request.after),
    before: validDate('before', request.before),
    storeIds: ids('store', request.storeIds),
    productIds: ids('product', request.productIds),
    minTotal: total('min', request.minTotal),
    maxTotal: total('max', request.maxTotal),
    status: request.status?.trim() ? parseStatus(request.status) : undefined,
  };
  if (filters.after && filters.before && filters.after >= filters.before) {
    throw new InvalidArgumentError('the "after" time must be earlier than the "before" time');
  }
  if (filters.minTotal && filters.maxTotal && filters.minTotal.compare(filters.maxTotal) > 0) {
    throw new InvalidArgumentError('the minimum total cannot be greater than the maximum total');
  }
  const key = filtersKey(filters);
  return { filters, filtersKey: key, page: { limit: pageLimit(request.limit), after: request.next ? decodeCursor(request.next, key) : undefined } };
}

function pageLimit(limit = 0): number {
  if (!Number.isSafeInteger(limit) || limit < 0) throw new InvalidArgumentError(`the limit ${limit} must be a whole number ≥ 0`);
  return limit === 0 ? DEFAULT_LIMIT : Math.min(limit, MAX_LIMIT);
}

function validDate(name: string, date: Date | undefined): Date | undefined {
  if (date === undefined) return undefined;
  if (Number.isNaN(date.getTime())) throw new InvalidArgumentError(`the "${name}" time is not a valid time`);
  return date;
}

function ids(kind: string, values: readonly string[] = []): string[] {
  if (values.length > MAX_IDS) throw new InvalidArgumentError(`at most ${MAX_IDS} ${kind} ids can be searched for at once`);
  const trimmed = values.map((v) => v.trim());
  if (trimmed.some((v) => !v)) throw new InvalidArgumentError(`a ${kind} id cannot be blank`);
  return [...new Set(trimmed)].sort();
}

function total(bound: 'min' | 'max', amount = 0): Money | undefined {
  if (amount === 0) return undefined;
  const name = bound === 'min' ? 'minimum' : 'maximum';
  if (!Number.isFinite(amount) || amount < 0) throw new InvalidArgumentError(`the ${name} total must be a number ≥ 0`);
  try {
    return Money.fromDecimal(amount);
  } catch {
    throw new InvalidArgumentError(`the ${name} total ${amount} has more than two decimal places`);
  }
}
