import type { Snapshot } from '@mallbots/es';
import { BasketItem, type BasketItemJson } from './basket-item.value.js';
import type { BasketStatus } from './basket-status.value.js';

/**
 * Snapshot type `baskets.BasketV1` (the reference's name), schema version 1. Adding or changing a field means a new
 * `baskets.BasketV2` (registered instead of V1): stored V1 snapshots are then ignored and baskets rebuilt from their
 * events, which is cheap for a short-lived stream like a basket (M07).
 */
export const BasketSnapshotV1 = { name: 'baskets.BasketV1', version: 1 } as const;

/** The stored data: plain JSON, prices in cents, lines in the order they were first added. */
export interface BasketV1 {
  readonly customerId: string;
  readonly paymentId: string | null;
  readonly status: BasketStatus;
  readonly items: readonly BasketItemJson[];
}

/** The basket state a snapshot records and restores. */
export interface BasketState {
  readonly customerId: string | undefined;
  readonly paymentId: string | undefined;
  readonly status: BasketStatus;
  readonly items: readonly BasketItem[];
}

export function toBasketSnapshot(state: BasketState): Snapshot {
  const data: BasketV1 = {
    customerId: state.customerId ?? '',
    paymentId: state.paymentId ?? null,
    status: state.status,
    items: state.items.map((item) => item.toJSON()),
  };
  return { name: BasketSnapshotV1.name, version: BasketSnapshotV1.version, data };
}

/**
 * Reads a snapshot back. The repository only hands over snapshots the registry calls current, so anything else here
 * is a wiring bug and fails loudly rather than restoring a misread basket.
 */
export function fromBasketSnapshot(snapshot: Snapshot): BasketState {
  if (snapshot.name !== BasketSnapshotV1.name || snapshot.version !== BasketSnapshotV1.version) {
    throw new Error(`cannot restore a basket from snapshot ${snapshot.name} v${snapshot.version}`);
  }
  const data = snapshot.data as BasketV1;
  return {
    customerId: data.customerId === '' ? undefined : data.customerId,
    paymentId: data.paymentId ?? undefined,
    status: data.status,
    items: data.items.map((item) => BasketItem.fromJson(item)),
  };
}
