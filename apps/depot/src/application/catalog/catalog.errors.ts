import { type DomainError, domainErrorFromGrpc, grpcCodeOf, isDomainError, NotFoundError } from '@mallbots/ddd';

/**
 * A store or product that cannot be resolved fails the whole list with the reference's prefix "building shopping
 * list" (requirements §1.9). Unknown to the cache and to Stores → NotFound (a Failure reply: the saga rejects the
 * order). Any other fallback failure keeps its kind, so a Stores outage stays UNAVAILABLE: the command is
 * redelivered rather than answered, and the order is not rejected for an outage.
 */
export const CatalogErrors = {
  storeNotLocated: (id: string) => new NotFoundError(`building shopping list: store ${id} was not located`),
  productNotLocated: (id: string) => new NotFoundError(`building shopping list: product ${id} was not located`),
  productRemoved: (id: string) => new NotFoundError(`building shopping list: product ${id} is no longer sold`),
  fallbackFailed: (what: string, cause: unknown) => wrap(`building shopping list: ${what}`, cause),
} as const;

/** The same kind of error under a prefix; anything that is not a DomainError is a bug and is rethrown as is. */
function wrap(prefix: string, cause: unknown): unknown {
  if (!isDomainError(cause)) return cause;
  const wrapped: DomainError = domainErrorFromGrpc(grpcCodeOf(cause), `${prefix}: ${cause.message}`);
  return Object.assign(wrapped, { cause });
}
