import { FailedPreconditionError, InvalidArgumentError, MetadataKeys, Money, NotFoundError, type DomainError } from '@mallbots/ddd';
import type { Snapshot } from '@mallbots/es';
import { Product, type NewProduct } from './product.aggregate.js';

type Command = (product: Product) => void;

const $ = (decimal: number) => Money.fromDecimal(decimal);
const increaseTo =
  (price: number): Command =>
  (p) => p.increasePrice($(price));
const decreaseTo =
  (price: number): Command =>
  (p) => p.decreasePrice($(price));
const rebrand =
  (name: string, description = 'A new look'): Command =>
  (p) => p.rebrand(name, description);
const remove: Command = (p) => p.remove();

const basket: NewProduct = { storeId: 'store-1', name: 'Basket', description: 'Woven', sku: 'BSK-1', price: $(9.99) };

/** A product added at `price` that ran `history` and was saved: only the commands under test leave pending events. */
function savedProduct(price: number, ...history: Command[]): Product {
  const product = Product.add('product-1', { ...basket, price: $(price) });
  history.forEach((command) => command(product));
  product.commitEvents();
  return product;
}

/** State with the price in cents, so toEqual compares amounts exactly. */
function stateOf(product: Product) {
  const { storeId, name, description, sku, removed } = product;
  return { storeId, name, description, sku, removed, priceCents: product.price.cents };
}

function payloadsOf(product: Product) {
  // Money is compared by its cents: toEqual on two Money instances would also pass for equal-looking floats.
  return product.events.map((e) => [e.name, JSON.parse(JSON.stringify(e.payload))]);
}

function recorded(product: Product) {
  return product.events.map((event, i) => ({ streamVersion: i + 1, event }));
}

function stored(snapshot: Snapshot): Snapshot {
  return JSON.parse(JSON.stringify(snapshot)) as Snapshot;
}

describe('Product', () => {
  describe('add', () => {
    it('raises exactly one ProductAdded with every field, stamped for version 1', () => {
      const product = Product.add('product-1', basket);

      expect(product.events).toHaveLength(1);
      const [event] = product.events;
      expect(event!.name).toBe('stores.ProductAdded');
      expect(event!.payload).toEqual({ storeId: 'store-1', name: 'Basket', description: 'Woven', sku: 'BSK-1', price: basket.price });
      expect((event!.payload as { price: Money }).price.cents).toBe(999);
      expect(event!.metadata).toEqual({
        [MetadataKeys.AggregateName]: 'stores.Product',
        [MetadataKeys.AggregateId]: 'product-1',
        [MetadataKeys.AggregateVersion]: '1',
      });
      expect(stateOf(product)).toEqual({ storeId: 'store-1', name: 'Basket', description: 'Woven', sku: 'BSK-1', removed: false, priceCents: 999 });
      expect([product.aggregateName, product.version, product.pendingVersion]).toEqual(['stores.Product', 0, 1]);
    });

    it.each<[string, Partial<NewProduct>]>([
      ['a zero price', { price: Money.zero }],
      ['an empty description and SKU (as in the reference)', { description: '', sku: '' }],
    ])('accepts %s', (_case, overrides) => {
      const product = Product.add('product-1', { ...basket, ...overrides });

      expect(payloadsOf(product)).toEqual([['stores.ProductAdded', JSON.parse(JSON.stringify({ ...basket, ...overrides }))]]);
    });

    it.each<[string, string, Partial<NewProduct>, string]>([
      ['a blank id', '', {}, 'the product id cannot be blank'],
      ['a blank store id', 'product-1', { storeId: '' }, 'the store id cannot be blank'],
      ['a whitespace store id', 'product-1', { storeId: ' ' }, 'the store id cannot be blank'],
      ['a blank name', 'product-1', { name: '' }, 'the product name cannot be blank'],
      ['a whitespace-only name', 'product-1', { name: '\t ' }, 'the product name cannot be blank'],
      ['a negative price', 'product-1', { price: $(-0.01) }, 'the product price cannot be negative'],
    ])('refuses %s with InvalidArgumentError', (_case, id, overrides, message) => {
      const add = () => Product.add(id, { ...basket, ...overrides });

      expect(add).toThrow(new InvalidArgumentError(message));
      expect(add).toThrow(InvalidArgumentError);
    });
  });

  describe('commands that succeed', () => {
    it.each<[string, number, Command[], Command, string, unknown, Partial<ReturnType<typeof stateOf>>]>([
      ['rebrand', 9.99, [], rebrand('Big Basket', 'Extra large'), 'stores.ProductRebranded', { name: 'Big Basket', description: 'Extra large' }, { name: 'Big Basket', description: 'Extra large' }],
      ['rebrand with an empty description', 9.99, [], rebrand('Basket', ''), 'stores.ProductRebranded', { name: 'Basket', description: '' }, { description: '' }],
      ['increase by a cent', 9.99, [], increaseTo(10), 'stores.ProductPriceIncreased', { delta: 1 }, { priceCents: 1000 }],
      ['increase from zero', 0, [], increaseTo(0.01), 'stores.ProductPriceIncreased', { delta: 1 }, { priceCents: 1 }],
      ['increase to 0.1 + 0.2 (a float sum)', 0.1, [], increaseTo(0.1 + 0.2), 'stores.ProductPriceIncreased', { delta: 20 }, { priceCents: 30 }],
      ['increase after a decrease', 5, [decreaseTo(2.5)], increaseTo(7.25), 'stores.ProductPriceIncreased', { delta: 475 }, { priceCents: 725 }],
      ['decrease by a cent', 10, [], decreaseTo(9.99), 'stores.ProductPriceDecreased', { delta: -1 }, { priceCents: 999 }],
      ['decrease to exactly zero', 0.3, [], decreaseTo(0), 'stores.ProductPriceDecreased', { delta: -30 }, { priceCents: 0 }],
      ['decrease from 0.1 + 0.2 to 0.1', 0.1 + 0.2, [], decreaseTo(0.1), 'stores.ProductPriceDecreased', { delta: -20 }, { priceCents: 10 }],
      ['remove', 9.99, [], remove, 'stores.ProductRemoved', {}, { removed: true }],
      ['remove after price changes', 9.99, [increaseTo(12), rebrand('Big Basket')], remove, 'stores.ProductRemoved', {}, { removed: true, priceCents: 1200, name: 'Big Basket' }],
    ])('%s raises exactly one event with the right payload and state', (_case, price, history, command, name, payload, changed) => {
      const product = savedProduct(price, ...history);
      const expected = { ...stateOf(product), ...changed };

      command(product);

      expect(payloadsOf(product)).toEqual([[name, payload]]);
      expect(product.events[0]!.metadata[MetadataKeys.AggregateVersion]).toBe(String(product.version + 1));
      expect(stateOf(product)).toEqual(expected);
    });
  });

  describe('commands that are refused leave no new event and no state change', () => {
    const removedProduct = () => savedProduct(9.99, remove);
    const ghost = () => new Product('ghost');
    const notFound = [NotFoundError, 'product with that ID does not exist'] as const;
    const isRemoved = [FailedPreconditionError, 'the product has been removed'] as const;
    it.each<[string, () => Product, Command, new (message: string) => DomainError, string]>([
      ['rebrand to a blank name', () => savedProduct(9.99), rebrand(''), InvalidArgumentError, 'the product name cannot be blank'],
      ['rebrand to a whitespace-only name', () => savedProduct(9.99), rebrand('  '), InvalidArgumentError, 'the product name cannot be blank'],
      ['increase to a lower price', () => savedProduct(9.99), increaseTo(9.98), InvalidArgumentError, 'the price change would be a decrease'],
      ['increase to the same price', () => savedProduct(9.99), increaseTo(9.99), InvalidArgumentError, 'the price change would leave the price unchanged'],
      ['increase to 0.1 + 0.2 when the price is 0.30', () => savedProduct(0.3), increaseTo(0.1 + 0.2), InvalidArgumentError, 'the price change would leave the price unchanged'],
      ['increase to a negative price', () => savedProduct(9.99), increaseTo(-1), InvalidArgumentError, 'the product price cannot be negative'],
      ['decrease to a higher price', () => savedProduct(9.99), decreaseTo(10), InvalidArgumentError, 'the price change would be an increase'],
      ['decrease to the same price', () => savedProduct(9.99), decreaseTo(9.99), InvalidArgumentError, 'the price change would leave the price unchanged'],
      ['decrease below zero', () => savedProduct(9.99), decreaseTo(-0.01), InvalidArgumentError, 'the product price cannot be negative'],
      ['decrease a free product', () => savedProduct(0), decreaseTo(0), InvalidArgumentError, 'the price change would leave the price unchanged'],
      ['rebrand a removed product', removedProduct, rebrand('Big Basket'), ...isRemoved],
      ['increase the price of a removed product', removedProduct, increaseTo(20), ...isRemoved],
      ['decrease the price of a removed product', removedProduct, decreaseTo(1), ...isRemoved],
      ['remove a removed product', removedProduct, remove, FailedPreconditionError, 'the product has already been removed'],
      ['remove twice before saving', () => { const p = savedProduct(9.99); p.remove(); return p; }, remove, FailedPreconditionError, 'the product has already been removed'],
      ['rebrand a product that does not exist', ghost, rebrand('Big Basket'), ...notFound],
      ['increase the price of a product that does not exist', ghost, increaseTo(20), ...notFound],
      ['decrease the price of a product that does not exist', ghost, decreaseTo(1), ...notFound],
      ['remove a product that does not exist', ghost, remove, ...notFound],
    ])('%s', (_case, given, command, kind, message) => {
      const product = given();
      const pendingBefore = [...product.events];
      const stateBefore = stateOf(product);

      expect(() => command(product)).toThrow(new kind(message));

      expect(() => command(product)).toThrow(kind);
      expect(product.events).toEqual(pendingBefore);
      expect(stateOf(product)).toEqual(stateBefore);
    });
  });

  describe('money stays exact', () => {
    it('ten increases in float steps of 0.1 end at exactly 1.00, with deltas of exactly 10 cents', () => {
      const product = savedProduct(0);
      let float = 0;

      for (let step = 1; step <= 10; step++) {
        float += 0.1;
        product.increasePrice($(float));
      }

      expect(float).not.toBe(1); // 0.9999999999999999: what the reference's float64 prices would store
      expect(product.price.cents).toBe(100);
      expect(product.price.toDecimal()).toBe(1);
      expect(product.events.map((e) => (e.payload as { delta: Money }).delta.cents)).toEqual(Array(10).fill(10));
    });

    it('the deltas of any price path sum to the final price minus the first', () => {
      const product = savedProduct(0.1);
      [increaseTo(0.1 + 0.2), increaseTo(19.99), decreaseTo(0.07), increaseTo(0.7 + 0.1), decreaseTo(0)].forEach((command) => command(product));

      const deltas = product.events.map((e) => (e.payload as { delta: Money }).delta);
      expect(deltas.map((d) => d.cents)).toEqual([20, 1969, -1992, 73, -80]);
      expect(deltas.reduce((sum, d) => sum.plus(d), $(0.1)).cents).toBe(0);
      expect(product.price.isZero()).toBe(true);
    });
  });

  describe('event sourcing', () => {
    const history: Command[] = [increaseTo(0.1 + 0.2), rebrand('Big Basket'), decreaseTo(0.1), increaseTo(12.34), rebrand('Huge Basket', ''), remove];

    it.each([0, 1, 3, 6])('replaying the events after %i commands rebuilds the same state and version', (commands) => {
      const original = Product.add('product-1', { ...basket, price: $(0.1) });
      history.slice(0, commands).forEach((command) => command(original));

      const replayed = new Product('product-1').replay(recorded(original));

      expect(stateOf(replayed)).toEqual(stateOf(original));
      expect(replayed.version).toBe(commands + 1);
      expect(replayed.events).toHaveLength(0);
    });

    it.each([1, 2, 3, 4, 5, 6, 7])('a snapshot taken at version %i plus the newer events rebuilds the same state', (at) => {
      const original = Product.add('product-1', { ...basket, price: $(0.1) });
      history.forEach((command) => command(original));
      const events = recorded(original);
      const snapshot = stored(new Product('product-1').replay(events.slice(0, at)).toSnapshot());

      const rebuilt = new Product('product-1').restore(snapshot, at).replay(events.slice(at));

      expect(stateOf(rebuilt)).toEqual({ storeId: 'store-1', name: 'Huge Basket', description: '', sku: 'BSK-1', removed: true, priceCents: 1234 });
      expect(rebuilt.version).toBe(7);
    });

    it('a product restored from a snapshot keeps its price as Money and its rules', () => {
      const rebuilt = new Product('product-1').restore(stored(savedProduct(0.3, increaseTo(0.5)).toSnapshot()), 2);

      expect(() => rebuilt.increasePrice($(0.5))).toThrow('the price change would leave the price unchanged');
      rebuilt.decreasePrice($(0.2));
      expect(rebuilt.price.cents).toBe(20);
      expect(rebuilt.events.map((e) => e.metadata[MetadataKeys.AggregateVersion])).toEqual(['3']);
    });

    it('a removed product restored from a snapshot stays removed', () => {
      const rebuilt = new Product('product-1').restore(stored(savedProduct(9.99, remove).toSnapshot()), 2);

      expect(rebuilt.removed).toBe(true);
      expect(() => rebuilt.rebrand('Back', '')).toThrow(new FailedPreconditionError('the product has been removed'));
    });

    it('snapshots as stores.ProductV1 version 1 with exactly the state, the price in cents', () => {
      expect(savedProduct(9.99, increaseTo(12.5)).toSnapshot()).toEqual({
        name: 'stores.ProductV1',
        version: 1,
        data: { storeId: 'store-1', name: 'Basket', description: 'Woven', sku: 'BSK-1', price: 1250, removed: false },
      });
    });

    const valid = { storeId: 's', name: 'n', description: 'd', sku: 'k', price: 100, removed: false };
    it.each<[string, Snapshot, string]>([
      ['another snapshot type', { name: 'stores.StoreV1', version: 1, data: valid }, 'stores.Product cannot restore snapshot stores.StoreV1 v1'],
      ['another schema version', { name: 'stores.ProductV1', version: 2, data: valid }, 'stores.Product cannot restore snapshot stores.ProductV1 v2'],
      ['a missing removed flag', { name: 'stores.ProductV1', version: 1, data: { ...valid, removed: undefined } }, 'stores.ProductV1: malformed data'],
      ['a decimal price', { name: 'stores.ProductV1', version: 1, data: { ...valid, price: 9.99 } }, 'stores.ProductV1.price: expected a whole number of cents, got 9.99'],
      ['a string price', { name: 'stores.ProductV1', version: 1, data: { ...valid, price: '100' } }, 'stores.ProductV1.price: expected a whole number of cents, got "100"'],
      ['no data', { name: 'stores.ProductV1', version: 1, data: null }, 'stores.ProductV1: malformed data'],
    ])('refuses to restore %s', (_case, snapshot, message) => {
      expect(() => new Product('product-1').restore(snapshot, 3)).toThrow(message);
    });
  });
});
