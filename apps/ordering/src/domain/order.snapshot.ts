import type { Snapshot } from '@mallbots/es';
import { OrderItem, type OrderItemJson } from './order-item.value.js';
import { ALL_ORDER_STATUSES, type OrderStatus } from './order-status.js';

/** The reference's snapshot type name (reference-behaviour §3.5) at schema version 1. */
export const OrderSnapshotV1Name = 'ordering.OrderV1';
export const OrderSnapshotV1Version = 1;

/**
 * The order's whole state at a stream version, as plain JSON (prices in cents). Adding or changing a field means a
 * new `ordering.OrderV2`: a V1 snapshot is then ignored by the repository and the order is replayed from its events
 * (a snapshot is only a cache, requirements M07).
 */
export interface OrderSnapshotV1 {
  readonly customerId: string;
  readonly paymentId: string;
  readonly shoppingId: string;
  readonly invoiceId: string;
  readonly items: readonly OrderItemJson[];
  readonly status: OrderStatus;
}

/** The state a snapshot holds, in domain types. */
export interface OrderState {
  readonly customerId: string;
  readonly paymentId: string;
  readonly shoppingId: string;
  readonly invoiceId: string;
  readonly items: readonly OrderItem[];
  readonly status: OrderStatus;
}

export function toOrderSnapshot(state: OrderState): Snapshot {
  const data: OrderSnapshotV1 = {
    customerId: state.customerId,
    paymentId: state.paymentId,
    shoppingId: state.shoppingId,
    invoiceId: state.invoiceId,
    items: state.items.map((item) => item.toJSON()),
    status: state.status,
  };
  return { name: OrderSnapshotV1Name, version: OrderSnapshotV1Version, data };
}

/**
 * The state in a snapshot. The repository only hands over snapshots the registry says are current, so anything else
 * here is a wiring bug and fails loudly instead of producing a half-read order.
 */
export function fromOrderSnapshot(snapshot: Snapshot): OrderState {
  if (snapshot.name !== OrderSnapshotV1Name || snapshot.version !== OrderSnapshotV1Version) {
    throw new Error(`ordering.Order cannot restore snapshot ${snapshot.name} v${snapshot.version}`);
  }
  const data = snapshot.data as OrderSnapshotV1;
  if (!ALL_ORDER_STATUSES.includes(data.status)) throw new Error(`ordering.OrderV1 has an unknown status "${String(data.status)}"`);
  return {
    customerId: data.customerId,
    paymentId: data.paymentId,
    shoppingId: data.shoppingId,
    invoiceId: data.invoiceId,
    items: data.items.map((item) => OrderItem.fromJson(item)),
    status: data.status,
  };
}
