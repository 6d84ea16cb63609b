import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { type EventDispatcher, newId } from '@mallbots/ddd';
import { checkOrderLines, type ResolvedLine, ShoppingList } from '../../domain/index.js';
import { Catalog } from '../catalog/catalog.service.js';
import { DOMAIN_EVENTS } from '../ports/domain-events.port.js';
import { SHOPPING_LIST_REPOSITORY, type ShoppingListRepository } from '../ports/shopping-list.repository.port.js';
import { saveAndPublish } from '../save-and-publish.js';
import { CreateShoppingListCommand } from './create-shopping-list.command.js';

/**
 * Builds the list from the depot's own store and product caches (Stores over gRPC on a miss). One order gets one
 * list: asked again for an order that has one — a saga step re-sent after a timeout, a retried POST — it answers
 * that list's id instead of sending a second bot. The input is checked before any lookup, so bad input is refused
 * as such and never costs a call to Stores.
 */
@CommandHandler(CreateShoppingListCommand)
export class CreateShoppingListHandler implements ICommandHandler<CreateShoppingListCommand> {
  constructor(
    @Inject(SHOPPING_LIST_REPOSITORY) private readonly lists: ShoppingListRepository,
    @Inject(DOMAIN_EVENTS) private readonly events: EventDispatcher,
    @Inject(Catalog) private readonly catalog: Catalog,
  ) {}

  async execute(command: CreateShoppingListCommand): Promise<{ id: string }> {
    checkOrderLines(command.orderId, command.items);
    const existing = await this.lists.findByOrderId(command.orderId);
    if (existing) return { id: existing.id };

    const lines: ResolvedLine[] = [];
    for (const item of command.items) {
      // One by one, not in parallel: they share the caller's transaction (one connection), and most hit the cache.
      lines.push({ store: await this.catalog.store(item.storeId), product: await this.catalog.product(item.productId), quantity: item.quantity });
    }
    const list = ShoppingList.create(newId(), command.orderId, lines);
    await saveAndPublish(this.lists, this.events, list);
    return { id: list.id };
  }
}
