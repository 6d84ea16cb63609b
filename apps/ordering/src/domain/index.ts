// The ordering domain: plain TypeScript, no framework or infrastructure imports (architecture §3, K01).
export { Order, OrderAggregate, type CreateOrderDetails } from './order.aggregate.js';
export { OrderItem, totalOf, type OrderItemProps, type OrderItemJson } from './order-item.value.js';
export { OrderStatus, ALL_ORDER_STATUSES, ORDER_TRANSITIONS, canTransition, type OrderOperation } from './order-status.js';
export { OrderErrorMessages, OrderTransitionError } from './order.errors.js';
export {
  OrderCreatedEvent,
  OrderApprovedEvent,
  OrderRejectedEvent,
  OrderCanceledEvent,
  OrderReadiedEvent,
  OrderCompletedEvent,
  type OrderCreatedPayload,
  type OrderApprovedPayload,
  type OrderRejectedPayload,
  type OrderCanceledPayload,
  type OrderReadiedPayload,
  type OrderCompletedPayload,
  type OrderCreated,
  type OrderApproved,
  type OrderRejected,
  type OrderCanceled,
  type OrderReadied,
  type OrderCompleted,
  type OrderEvent,
  type OrderEventName,
} from './order.events.js';
export { OrderSnapshotV1Name, OrderSnapshotV1Version, type OrderSnapshotV1, type OrderState } from './order.snapshot.js';
export { registerOrderTypes, createOrderRegistry } from './order.registry.js';
