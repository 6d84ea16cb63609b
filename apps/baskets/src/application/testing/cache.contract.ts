// Test support: one contract suite per cache port, run against the in-memory caches (unit) and the PostgreSQL
// adapters (integration), so the application tests' doubles behave like production.
import { describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { Money } from '@mallbots/ddd';
import { Product, Store } from '../../domain/index.js';
import type { ProductCache } from '../ports/product-cache.port.js';
import type { StoreCache } from '../ports/store-cache.port.js';

const store = (id: string, name: string) => Store.of({ id, name });
const product = (id: string, cents: number, name = 'Wizard w/ crystal', storeId = 's-1') => Product.of({ id, storeId, name, price: Money.ofCents(cents) });

export function describeStoreCacheContract(name: string, make: () => StoreCache | Promise<StoreCache>): void {
  describe(`StoreCache contract: ${name}`, () => {
    const id = () => `s-${randomUUID()}`;

    it('finds nothing for a store it never heard of; a rename of it changes nothing', async () => {
      const cache = await make();
      const unknown = id();
      await cache.rename(unknown, 'Renamed');
      await expect(cache.find(unknown)).resolves.toBeUndefined();
    });

    it('keeps the first StoreCreated; a duplicate changes nothing and does not fail', async () => {
      const cache = await make();
      const s = id();
      await cache.created(store(s, 'NewStore'));
      await cache.created(store(s, 'Other'));
      await expect(cache.find(s)).resolves.toEqual(store(s, 'NewStore'));
      await cache.rename(s, 'RebrandedStore');
      await expect(cache.find(s)).resolves.toEqual(store(s, 'RebrandedStore'));
    });

    it('lets StoreCreated replace a row a fallback wrote, but never a fallback replace an event row', async () => {
      const cache = await make();
      const [a, b] = [id(), id()];
      await cache.cacheFallback(store(a, 'From fallback'));
      await cache.created(store(a, 'From event'));
      await expect(cache.find(a)).resolves.toEqual(store(a, 'From event'));
      await cache.created(store(b, 'From event'));
      await cache.cacheFallback(store(b, 'From fallback'));
      await expect(cache.find(b)).resolves.toEqual(store(b, 'From event'));
    });
  });
}

export function describeProductCacheContract(name: string, make: () => ProductCache | Promise<ProductCache>): void {
  describe(`ProductCache contract: ${name}`, () => {
    const id = () => `p-${randomUUID()}`;
    const price = async (cache: ProductCache, p: string) => {
      const found = await cache.find(p);
      if (!found || found.removed) throw new Error(`${p} is not cached`);
      return found.product.price.cents;
    };

    it('finds nothing for a product it never heard of; updates of it change nothing', async () => {
      const cache = await make();
      const unknown = id();
      await cache.rebrand(unknown, 'x');
      await cache.changePrice(unknown, Money.ofCents(100));
      await expect(cache.find(unknown)).resolves.toBeUndefined();
    });

    it('keeps the first ProductAdded (a duplicate does not fail), then rebrands and changes the price exactly', async () => {
      const cache = await make();
      const p = id();
      await cache.added(product(p, 1000));
      await cache.added(product(p, 5000, 'Duplicate'));
      await expect(cache.find(p)).resolves.toEqual({ removed: false, product: product(p, 1000) });
      await cache.rebrand(p, 'Renamed');
      await cache.changePrice(p, Money.ofCents(200)); // 10 + 2 = 12, the reference's case
      expect(await price(cache, p)).toBe(1200);
      for (let i = 0; i < 3; i++) await cache.changePrice(p, Money.fromDecimal(0.1)); // no float drift
      await cache.changePrice(p, Money.fromDecimal(-0.3));
      await expect(cache.find(p)).resolves.toEqual({ removed: false, product: product(p, 1200, 'Renamed') });
    });

    it('lets ProductAdded replace a fallback row, so later deltas land on the added price', async () => {
      const cache = await make();
      const p = id();
      await cache.cacheFallback(product(p, 1200)); // Stores' current price, already including the +2 below
      await cache.added(product(p, 1000));
      await cache.changePrice(p, Money.ofCents(200));
      expect(await price(cache, p)).toBe(1200);
      await cache.cacheFallback(product(p, 9999));
      expect(await price(cache, p)).toBe(1200);
    });

    it('keeps a tombstone for a removed product, which nothing brings back', async () => {
      const cache = await make();
      const [p, never] = [id(), id()];
      await cache.added(product(p, 1000));
      await cache.remove(p);
      await cache.remove(p);
      await cache.added(product(p, 1000));
      await cache.cacheFallback(product(p, 1000));
      await cache.rebrand(p, 'Back?');
      await cache.changePrice(p, Money.ofCents(1));
      await expect(cache.find(p)).resolves.toEqual({ removed: true, id: p });
      await cache.remove(never);
      await cache.cacheFallback(product(never, 1000));
      await expect(cache.find(never)).resolves.toEqual({ removed: true, id: never });
    });
  });
}
