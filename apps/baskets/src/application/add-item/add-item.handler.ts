import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Catalog } from '../catalog/catalog.service.js';
import { BASKET_REPOSITORY, type BasketRepository } from '../ports/basket.repository.port.js';
import { AddItemCommand } from './add-item.command.js';

/**
 * The reference's order (reference-behaviour §3.2): the basket (404 when unknown), then the product, then the store
 * it belongs to (caches, with the Stores fallback on a miss), then the domain's rules (open basket, quantity).
 */
@CommandHandler(AddItemCommand)
export class AddItemHandler implements ICommandHandler<AddItemCommand> {
  constructor(
    @Inject(BASKET_REPOSITORY) private readonly baskets: BasketRepository,
    @Inject(Catalog) private readonly catalog: Catalog,
  ) {}

  async execute(command: AddItemCommand): Promise<void> {
    const basket = await this.baskets.get(command.id);
    const product = await this.catalog.product(command.productId);
    const store = await this.catalog.store(product.storeId);
    basket.addItem(store, product, command.quantity);
    await this.baskets.save(basket);
  }
}
