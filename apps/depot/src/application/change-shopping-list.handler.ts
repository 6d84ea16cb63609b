import { Inject } from '@nestjs/common';
import type { EventDispatcher } from '@mallbots/ddd';
import type { ShoppingList } from '../domain/index.js';
import { DOMAIN_EVENTS } from './ports/domain-events.port.js';
import { SHOPPING_LIST_REPOSITORY, type ShoppingListRepository } from './ports/shopping-list.repository.port.js';
import { requireShoppingList, saveAndPublish } from './save-and-publish.js';

/**
 * The shape of every status-changing use case — load (404 for an unknown id) → one guarded domain transition →
 * save under the optimistic lock → dispatch the events in the same transaction. A use case names only its change.
 * (No `implements ICommandHandler<C>`: TypeScript cannot check that against a type parameter; @CommandHandler on
 * each subclass registers it with the bus.)
 */
export abstract class ChangeShoppingListHandler<C extends { readonly id: string }> {
  constructor(
    @Inject(SHOPPING_LIST_REPOSITORY) private readonly lists: ShoppingListRepository,
    @Inject(DOMAIN_EVENTS) private readonly events: EventDispatcher,
  ) {}

  async execute(command: C): Promise<void> {
    const list = await requireShoppingList(this.lists, command.id);
    this.change(list, command);
    await saveAndPublish(this.lists, this.events, list);
  }

  protected abstract change(list: ShoppingList, command: C): void;
}
