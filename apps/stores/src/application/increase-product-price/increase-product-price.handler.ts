import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { PRODUCT_REPOSITORY, type ProductRepository } from '../ports/product.repository.port.js';
import { IncreaseProductPriceCommand } from './increase-product-price.command.js';

/** The reference crashed here (§14.1 item 8): its projector asserted a pointer payload it never received. */
@CommandHandler(IncreaseProductPriceCommand)
export class IncreaseProductPriceHandler implements ICommandHandler<IncreaseProductPriceCommand> {
  constructor(@Inject(PRODUCT_REPOSITORY) private readonly products: ProductRepository) {}

  async execute(command: IncreaseProductPriceCommand): Promise<void> {
    const product = await this.products.get(command.id);
    product.increasePrice(command.price);
    await this.products.save(product);
  }
}
