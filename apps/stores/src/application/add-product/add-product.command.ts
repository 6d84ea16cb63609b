import { Command } from '@nestjs/cqrs';
import type { Money } from '@mallbots/ddd';

/** The price is exact Money: the adapters convert the wire's decimal at the edge. */
export class AddProductCommand extends Command<{ id: string }> {
  constructor(
    readonly storeId: string,
    readonly name: string,
    readonly description: string,
    readonly sku: string,
    readonly price: Money,
  ) {
    super();
  }
}
