import type { Money } from '@mallbots/ddd';
import type { Snapshot } from '@mallbots/es';
import { moneyFromJson } from './money.json.js';

/**
 * The Product snapshot, schema version 1 (M07). Unlike the reference's `stores.ProductV1` it also holds `removed`,
 * because a removed product is now a state of its own (§14.4 item 36); this service never reads the reference's
 * stored snapshots, so the name stays V1. The price is stored as whole cents.
 */
export const ProductSnapshotName = 'stores.ProductV1';
export const ProductSnapshotVersion = 1;

export interface ProductV1 {
  readonly storeId: string;
  readonly name: string;
  readonly description: string;
  readonly sku: string;
  readonly price: Money;
  readonly removed: boolean;
}

export function toProductSnapshot(state: ProductV1): Snapshot {
  const { storeId, name, description, sku, price, removed } = state;
  return { name: ProductSnapshotName, version: ProductSnapshotVersion, data: { storeId, name, description, sku, price: price.cents, removed } };
}

/** The repository restores only current snapshots, so any other type here is a wiring bug. */
export function fromProductSnapshot(snapshot: Snapshot): ProductV1 {
  if (snapshot.name !== ProductSnapshotName || snapshot.version !== ProductSnapshotVersion) {
    throw new Error(`stores.Product cannot restore snapshot ${snapshot.name} v${snapshot.version}`);
  }
  const data = snapshot.data as Partial<Record<keyof ProductV1, unknown>> | null;
  const { storeId, name, description, sku, removed } = data ?? {};
  if (typeof storeId !== 'string' || typeof name !== 'string' || typeof description !== 'string' || typeof sku !== 'string' || typeof removed !== 'boolean') {
    throw new TypeError(`${ProductSnapshotName}: malformed data ${JSON.stringify(snapshot.data)}`);
  }
  return { storeId, name, description, sku, removed, price: moneyFromJson(data?.price, `${ProductSnapshotName}.price`) };
}
