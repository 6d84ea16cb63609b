// Test support: one contract suite per cache port, run against the in-memory caches (unit) and the PostgreSQL
// adapters (integration), so the application tests' doubles behave like production.
import { describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import type { Product, Store } from '../../domain/index.js';
import type { ProductCache } from '../ports/product-cache.port.js';
import type { StoreCache } from '../ports/store-cache.port.js';

const store = (id: string, name: string, location = 'Level 1'): Store => ({ id, name, location });
const product = (id: string, name = 'Wizard w/ crystal', storeId = 's-1'): Product => ({ id, storeId, name });

export function describeStoreCacheContract(name: string, make: () => StoreCache | Promise<StoreCache>): void {
  describe(`StoreCache contract: ${name}`, () => {
    const id = () => `s-${randomUUID()}`;

    it('finds nothing for a store it never heard of; a rename of it changes nothing', async () => {
      const cache = await make();
      const unknown = id();
      await cache.rename(unknown, 'Renamed');
      await expect(cache.find(unknown)).resolves.toBeUndefined();
    });

    it('keeps the first StoreCreated with its location; a duplicate changes nothing; a rename keeps the location', async () => {
      const cache = await make();
      const s = id();
      await cache.created(store(s, 'NewStore', 'NewLocation'));
      await cache.created(store(s, 'Other', 'Elsewhere'));
      await expect(cache.find(s)).resolves.toEqual(store(s, 'NewStore', 'NewLocation'));
      await cache.rename(s, 'RebrandedStore');
      await expect(cache.find(s)).resolves.toEqual(store(s, 'RebrandedStore', 'NewLocation'));
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

    it('finds nothing for a product it never heard of; a rebrand of it changes nothing', async () => {
      const cache = await make();
      const unknown = id();
      await cache.rebrand(unknown, 'x');
      await expect(cache.find(unknown)).resolves.toBeUndefined();
    });

    it('keeps the first ProductAdded (a duplicate does not fail), then rebrands', async () => {
      const cache = await make();
      const p = id();
      await cache.added(product(p));
      await cache.added(product(p, 'Duplicate'));
      await expect(cache.find(p)).resolves.toEqual({ removed: false, product: product(p) });
      await cache.rebrand(p, 'Renamed');
      await expect(cache.find(p)).resolves.toEqual({ removed: false, product: product(p, 'Renamed') });
    });

    it('lets ProductAdded replace a fallback row, but never a fallback replace an event row', async () => {
      const cache = await make();
      const [a, b] = [id(), id()];
      await cache.cacheFallback(product(a, 'From fallback'));
      await cache.added(product(a, 'From event'));
      await expect(cache.find(a)).resolves.toEqual({ removed: false, product: product(a, 'From event') });
      await cache.added(product(b, 'From event'));
      await cache.cacheFallback(product(b, 'From fallback'));
      await expect(cache.find(b)).resolves.toEqual({ removed: false, product: product(b, 'From event') });
    });

    it('keeps a tombstone for a removed product, which nothing brings back', async () => {
      const cache = await make();
      const [p, never] = [id(), id()];
      await cache.added(product(p));
      await cache.remove(p);
      await cache.remove(p);
      await cache.added(product(p));
      await cache.cacheFallback(product(p));
      await cache.rebrand(p, 'Back?');
      await expect(cache.find(p)).resolves.toEqual({ removed: true, id: p });
      await cache.remove(never);
      await cache.cacheFallback(product(never));
      await expect(cache.find(never)).resolves.toEqual({ removed: true, id: never });
    });
  });
}
