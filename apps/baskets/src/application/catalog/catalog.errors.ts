import { type DomainError, domainErrorFromGrpc, grpcCodeOf, isDomainError, NotFoundError } from '@mallbots/ddd';

/**
 * The texts a failed product or store lookup answers with. "product fallback failed: product was not located" is
 * the reference's exact text for an unknown product (its e2e feature asserts it; requirement C14), HTTP 404. Other
 * fallback failures keep their kind (a Stores outage stays 503 / UNAVAILABLE) under the reference's prefixes
 * "product fallback failed: " and "store fallback failed: ".
 */
export const CatalogErrors = {
  productNotLocated: () => new NotFoundError('product fallback failed: product was not located'),
  /** own text, built like the product's (the reference wrapped whatever its GetStore call answered). */
  storeNotLocated: () => new NotFoundError('store fallback failed: store was not located'),
  productFallbackFailed: (cause: unknown) => wrap('product fallback failed', cause),
  storeFallbackFailed: (cause: unknown) => wrap('store fallback failed', cause),
} as const;

/** The same kind of error under a prefix; anything that is not a DomainError is a bug and is rethrown as is. */
function wrap(prefix: string, cause: unknown): unknown {
  if (!isDomainError(cause)) return cause;
  const wrapped: DomainError = domainErrorFromGrpc(grpcCodeOf(cause), `${prefix}: ${cause.message}`);
  return Object.assign(wrapped, { cause });
}
