import { describeProductCacheContract, describeStoreCacheContract } from './cache.contract.js';
import { InMemoryProductCache, InMemoryStoreCache } from './in-memory-caches.js';

describeStoreCacheContract('in memory', () => new InMemoryStoreCache());
describeProductCacheContract('in memory', () => new InMemoryProductCache());
