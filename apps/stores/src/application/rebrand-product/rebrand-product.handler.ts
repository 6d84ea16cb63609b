import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { PRODUCT_REPOSITORY, type ProductRepository } from '../ports/product.repository.port.js';
import { RebrandProductCommand } from './rebrand-product.command.js';

@CommandHandler(RebrandProductCommand)
export class RebrandProductHandler implements ICommandHandler<RebrandProductCommand> {
  constructor(@Inject(PRODUCT_REPOSITORY) private readonly products: ProductRepository) {}

  async execute(command: RebrandProductCommand): Promise<void> {
    const product = await this.products.get(command.id);
    product.rebrand(command.name, command.description);
    await this.products.save(product);
  }
}
