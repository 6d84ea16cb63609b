import { isBlank } from './is-blank.js';
import { BasketErrors } from './basket.errors.js';

/**
 * What the basket needs to know about a store: its id and the name shown on the basket line. The application layer
 * resolves it (local cache, then the Stores service) before calling `Basket.addItem`.
 */
export class Store {
  private constructor(
    readonly id: string,
    readonly name: string,
  ) {
    Object.freeze(this);
  }

  static of(props: { id: string; name: string }): Store {
    if (isBlank(props.id)) throw BasketErrors.storeIdBlank();
    return new Store(props.id, props.name);
  }
}
