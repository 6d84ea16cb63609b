import type { Money } from '@mallbots/ddd';
import { isBlank } from './is-blank.js';
import { BasketErrors } from './basket.errors.js';

/**
 * What the basket needs to know about a product when it is added: id, owning store, name and current price (exact
 * cents, architecture §4.9). The application layer resolves it from the products cache or the Stores service.
 * Names are display data copied from Stores and are not validated here: Stores owns them (and the reference lets a
 * rebrand blank them, §14.4 item 38), so refusing them would make a Stores defect break the basket.
 */
export class Product {
  private constructor(
    readonly id: string,
    readonly storeId: string,
    readonly name: string,
    readonly price: Money,
  ) {
    Object.freeze(this);
  }

  static of(props: { id: string; storeId: string; name: string; price: Money }): Product {
    if (isBlank(props.id)) throw BasketErrors.productIdBlank();
    if (isBlank(props.storeId)) throw BasketErrors.storeIdBlank();
    if (props.price.isNegative()) throw BasketErrors.productPriceNegative();
    return new Product(props.id, props.storeId, props.name, props.price);
  }
}
