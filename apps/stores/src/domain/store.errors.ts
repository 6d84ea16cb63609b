import { FailedPreconditionError, InvalidArgumentError, NotFoundError } from '@mallbots/ddd';

/**
 * Every expected failure of the Store aggregate, in one place so the texts stay those of the reference
 * (reference-behaviour §3.1; the E2E feature and pacts compare `message`). Texts the reference never had are marked
 * "ours". The kinds map to gRPC/HTTP codes in libs/ddd: InvalidArgument and FailedPrecondition are 400 like the
 * reference's BadRequest, NotFound is 404.
 */
export const StoreErrors = {
  /** Ours: the application generates ids, so this guards against a wiring bug rather than user input. */
  idBlank: () => new InvalidArgumentError('the store id cannot be blank'),
  nameBlank: () => new InvalidArgumentError('the store name cannot be blank'),
  locationBlank: () => new InvalidArgumentError('the store location cannot be blank'),
  alreadyParticipating: () => new FailedPreconditionError('the store is already participating'),
  alreadyNotParticipating: () => new FailedPreconditionError('the store is already not participating'),
  /**
   * Ours (modelled on the reference's "product with that ID does not exist"): a command on an empty stream must not
   * create a phantom store (§14.4, item 34).
   */
  notFound: () => new NotFoundError('store with that ID does not exist'),
} as const;
