import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { PRODUCT_REPOSITORY, type ProductRepository } from '../ports/product.repository.port.js';
import { RemoveProductCommand } from './remove-product.command.js';

/** The stream stays (ProductRemoved is appended); the catalog projector takes the product off sale. */
@CommandHandler(RemoveProductCommand)
export class RemoveProductHandler implements ICommandHandler<RemoveProductCommand> {
  constructor(@Inject(PRODUCT_REPOSITORY) private readonly products: ProductRepository) {}

  async execute(command: RemoveProductCommand): Promise<void> {
    const product = await this.products.get(command.id);
    product.remove();
    await this.products.save(product);
  }
}
