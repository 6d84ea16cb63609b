import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Catalog } from '../catalog/catalog.service.js';
import { BASKET_REPOSITORY, type BasketRepository } from '../ports/basket.repository.port.js';
import { RemoveItemCommand } from './remove-item.command.js';

/**
 * Removing needs only the product id. A product the basket holds is removed without asking the catalog, so a
 * product Stores has removed meanwhile can still be taken out of the basket (the reference looked the product up
 * first and would refuse). A product the basket does not hold changes nothing, as in the reference, but an id no
 * catalog knows still answers "product was not located", as the reference's lookup did.
 */
@CommandHandler(RemoveItemCommand)
export class RemoveItemHandler implements ICommandHandler<RemoveItemCommand> {
  constructor(
    @Inject(BASKET_REPOSITORY) private readonly baskets: BasketRepository,
    @Inject(Catalog) private readonly catalog: Catalog,
  ) {}

  async execute(command: RemoveItemCommand): Promise<void> {
    const basket = await this.baskets.get(command.id);
    if (!basket.items.some((item) => item.productId === command.productId)) await this.catalog.assertKnownProduct(command.productId);
    basket.removeItem(command.productId, command.quantity);
    await this.baskets.save(basket);
  }
}
