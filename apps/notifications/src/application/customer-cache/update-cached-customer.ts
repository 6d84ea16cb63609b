import { ConflictError } from '@mallbots/ddd';
import { CachedCustomer } from '../../domain/index.js';
import type { CacheSource, CustomerCache } from '../ports/customer-cache.port.js';

/**
 * Read (locked), apply `change`, write back: the one way the cache is changed, by events and fallbacks alike. A
 * change that alters nothing (a duplicate or an older fact) writes nothing. When another transaction inserted the
 * same new customer meanwhile, the row is read again and the change re-applied on top of it, so racing writers
 * (an event and a fallback, N03) never fail each other.
 */
export async function updateCachedCustomer(cache: CustomerCache, id: string, source: CacheSource, change: (customer: CachedCustomer) => CachedCustomer): Promise<CachedCustomer> {
  for (let attempt = 0; attempt < 2; attempt++) {
    const current = await cache.find(id);
    const next = change(current ?? CachedCustomer.unknown(id));
    if (current && next.sameAs(current)) return current;
    if (await cache.save(next, !current, source)) return next;
  }
  // Only when a row appeared and vanished again in between (nobody deletes them): retry the whole message/request.
  throw new ConflictError(`customer ${id} was cached concurrently; try again`);
}
