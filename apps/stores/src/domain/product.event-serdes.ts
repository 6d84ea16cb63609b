import type { PayloadSerde } from '@mallbots/es';
import { moneyFromJson } from './money.json.js';
import { ProductEventName, type ProductAddedPayload, type ProductPriceChangedPayload } from './product.events.js';

/**
 * How the Product events that carry Money are stored. The registry's default serde would write Money as cents
 * (`Money.toJSON`) but read back a bare number, so handlers of a loaded event would get `price.plus is not a
 * function`. These serdes turn the cents back into Money. Stored form (schema v1):
 * - `stores.ProductAdded`: `{storeId, name, description, sku, price}` with `price` in whole cents;
 * - `stores.ProductPriceIncreased` / `stores.ProductPriceDecreased`: `{delta}` in whole cents (signed).
 */
export const productAddedSerde: PayloadSerde<ProductAddedPayload> = {
  toJson: (payload) => ({
    storeId: payload.storeId,
    name: payload.name,
    description: payload.description,
    sku: payload.sku,
    price: payload.price.cents,
  }),
  fromJson: (data) => {
    const where = ProductEventName.Added;
    const json = asObject(data, where);
    return {
      storeId: stringFromJson(json['storeId'], `${where}.storeId`),
      name: stringFromJson(json['name'], `${where}.name`),
      description: stringFromJson(json['description'], `${where}.description`),
      sku: stringFromJson(json['sku'], `${where}.sku`),
      price: moneyFromJson(json['price'], `${where}.price`),
    };
  },
};

export function productPriceChangedSerde(eventName: string): PayloadSerde<ProductPriceChangedPayload> {
  return {
    toJson: (payload) => ({ delta: payload.delta.cents }),
    fromJson: (data) => ({ delta: moneyFromJson(asObject(data, eventName)['delta'], `${eventName}.delta`) }),
  };
}

function asObject(data: unknown, where: string): Record<string, unknown> {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) throw new TypeError(`${where}: expected an object, got ${JSON.stringify(data)}`);
  return data as Record<string, unknown>;
}

function stringFromJson(value: unknown, where: string): string {
  if (typeof value !== 'string') throw new TypeError(`${where}: expected a string, got ${JSON.stringify(value)}`);
  return value;
}
