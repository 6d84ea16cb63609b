/**
 * The order's lifecycle. The string values are the reference's wire values (GET /api/ordering/{id} returns them),
 * including its spelling "cancelled" next to the event name "OrderCanceled"; `''` is an order that has not been
 * created yet (the reference's "unknown"). The reference's `in-progress` status is left out: nothing ever set it
 * (reference-behaviour §14.4 item 41).
 */
export const OrderStatus = {
  Unknown: '',
  Pending: 'pending',
  Rejected: 'rejected',
  Approved: 'approved',
  Ready: 'ready',
  Completed: 'completed',
  Cancelled: 'cancelled',
} as const;
export type OrderStatus = (typeof OrderStatus)[keyof typeof OrderStatus];

export const ALL_ORDER_STATUSES: readonly OrderStatus[] = Object.values(OrderStatus);

/** What can happen to an order; one domain method and one event each. */
export type OrderOperation = 'create' | 'approve' | 'reject' | 'cancel' | 'ready' | 'complete';

/**
 * The state machine, the single place that says which status each operation needs. The reference guarded only
 * create and cancel (reference-behaviour §14.4 item 35), so a cancelled order could later be approved or rejected by
 * the saga (§14.3 item 33); here every operation is guarded.
 *
 * Cancel is allowed only while pending (requirements E05, the reference's rule): after approval the shopping list
 * is with the depot, and nothing yet stops a bot for a cancelled order (requirements §6.6). See the domain README.
 */
export const ORDER_TRANSITIONS: Readonly<Record<OrderOperation, { readonly from: readonly OrderStatus[]; readonly to: OrderStatus }>> = {
  create: { from: [OrderStatus.Unknown], to: OrderStatus.Pending },
  approve: { from: [OrderStatus.Pending], to: OrderStatus.Approved },
  reject: { from: [OrderStatus.Pending], to: OrderStatus.Rejected },
  cancel: { from: [OrderStatus.Pending], to: OrderStatus.Cancelled },
  // Ready follows the completed shopping list, which the depot only gets after the saga approved the order.
  ready: { from: [OrderStatus.Approved], to: OrderStatus.Ready },
  // Complete follows InvoicePaid, and payments only invoices an order once it is ready.
  complete: { from: [OrderStatus.Ready], to: OrderStatus.Completed },
};

export function canTransition(operation: OrderOperation, status: OrderStatus): boolean {
  return ORDER_TRANSITIONS[operation].from.includes(status);
}
