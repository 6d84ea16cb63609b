import { InvalidArgumentError } from '@mallbots/ddd';

/**
 * The statuses the read model shows: ordering's own vocabulary (GET /api/ordering/{id} answers the same words),
 * where the reference wrote its own labels ("New", "Ready For Pickup", …) and never reflected approval or rejection
 * (reference-behaviour §14.1 item 13). The reference's labels are still accepted as filter values (`aliases`).
 */
export const OrderStatus = {
  Pending: 'pending',
  Approved: 'approved',
  Rejected: 'rejected',
  Cancelled: 'cancelled',
  Ready: 'ready',
  Completed: 'completed',
} as const;
export type OrderStatus = (typeof OrderStatus)[keyof typeof OrderStatus];

/**
 * How far along its lifecycle each status is. Ordering only allows pending → approved → ready → completed and
 * pending → rejected | cancelled (apps/ordering ORDER_TRANSITIONS), so a status with a higher rank is always the
 * later one. Events may arrive out of order (redeliveries after a failure, competing consumers; requirement O10):
 * a status event only applies when it moves the order forward, so a late OrderApproved never overwrites "ready".
 */
const RANK: Readonly<Record<OrderStatus, number>> = {
  pending: 0,
  approved: 1,
  rejected: 1,
  cancelled: 1,
  ready: 2,
  completed: 3,
};

export function statusRank(status: OrderStatus): number {
  return RANK[status];
}

/** The status an order ends up with when `current` is stored and `incoming` arrives, in whatever order. */
export function laterStatus(current: OrderStatus, incoming: OrderStatus): OrderStatus {
  return RANK[incoming] > RANK[current] ? incoming : current;
}

const aliases: Readonly<Record<string, OrderStatus>> = {
  new: OrderStatus.Pending,
  'ready for pickup': OrderStatus.Ready,
  canceled: OrderStatus.Cancelled,
};

/** A status filter as a client wrote it (any case; ordering's words or the reference's labels). */
export function parseStatus(text: string): OrderStatus {
  const key = text.trim().toLowerCase();
  if ((Object.values(OrderStatus) as string[]).includes(key)) return key as OrderStatus;
  const alias = aliases[key];
  if (alias) return alias;
  throw new InvalidArgumentError(`unknown order status "${text}"; expected one of ${Object.values(OrderStatus).join(', ')}`);
}
