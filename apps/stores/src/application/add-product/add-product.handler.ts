import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { newId } from '@mallbots/ddd';
import { Product } from '../../domain/index.js';
import { PRODUCT_REPOSITORY, type ProductRepository } from '../ports/product.repository.port.js';
import { STORE_REPOSITORY, type StoreRepository } from '../ports/store.repository.port.js';
import { AddProductCommand } from './add-product.command.js';

/**
 * A new product with a server-generated id. The input is validated first (400 before 404), then the store must
 * exist: the reference added products to any store id (§14.4 item 41), which left catalogues nobody could reach.
 */
@CommandHandler(AddProductCommand)
export class AddProductHandler implements ICommandHandler<AddProductCommand> {
  constructor(
    @Inject(STORE_REPOSITORY) private readonly stores: StoreRepository,
    @Inject(PRODUCT_REPOSITORY) private readonly products: ProductRepository,
  ) {}

  async execute(command: AddProductCommand): Promise<{ id: string }> {
    const { storeId, name, description, sku, price } = command;
    const product = Product.add(newId(), { storeId, name, description, sku, price });
    await this.stores.get(storeId);
    await this.products.save(product);
    return { id: product.id };
  }
}
