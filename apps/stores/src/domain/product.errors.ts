import { FailedPreconditionError, InvalidArgumentError, NotFoundError } from '@mallbots/ddd';

/**
 * Every expected failure of the Product aggregate. Texts are the reference's (reference-behaviour §3.1) where it had
 * one; the others are marked "ours" and close the gaps of §14 (removed products, unchanged or negative prices,
 * phantom streams).
 */
export const ProductErrors = {
  /** Ours: the application generates ids, so this guards against a wiring bug rather than user input. */
  idBlank: () => new InvalidArgumentError('the product id cannot be blank'),
  /** Ours: the reference accepted any store id (the store's existence is checked by the application, §14.4 item 41). */
  storeIdBlank: () => new InvalidArgumentError('the store id cannot be blank'),
  nameBlank: () => new InvalidArgumentError('the product name cannot be blank'),
  priceNegative: () => new InvalidArgumentError('the product price cannot be negative'),
  priceChangeIsDecrease: () => new InvalidArgumentError('the price change would be a decrease'),
  priceChangeIsIncrease: () => new InvalidArgumentError('the price change would be an increase'),
  /** Ours: the reference accepted an equal price and stored a zero delta, an event that changes nothing. */
  priceUnchanged: () => new InvalidArgumentError('the price change would leave the price unchanged'),
  /** Ours: the reference kept accepting commands for removed products (§14.4 item 36). */
  removed: () => new FailedPreconditionError('the product has been removed'),
  /** Ours: removing twice would publish a second ProductRemoved to every consumer. */
  alreadyRemoved: () => new FailedPreconditionError('the product has already been removed'),
  /** The reference's GetProduct text, reused for commands on an empty stream (§14.4 item 34). */
  notFound: () => new NotFoundError('product with that ID does not exist'),
} as const;
