import { type EventDispatcher, NotFoundError } from '@mallbots/ddd';
import { type ShoppingList, ShoppingListErrors } from '../domain/index.js';
import type { ShoppingListRepository } from './ports/shopping-list.repository.port.js';

/** Saves the list, then hands its new events to the in-process handlers (integration events) in the same transaction. */
export async function saveAndPublish(lists: ShoppingListRepository, events: EventDispatcher, list: ShoppingList): Promise<void> {
  const pending = [...list.events];
  await lists.save(list);
  await events.publish(...pending);
}

/** The list, or NotFound for an unknown id: commands never create lists implicitly (architecture §4.10). */
export async function requireShoppingList(lists: ShoppingListRepository, id: string): Promise<ShoppingList> {
  if (!id.trim()) throw ShoppingListErrors.idBlank();
  const list = await lists.find(id);
  if (!list) throw new NotFoundError(`shopping list ${id} not found`);
  return list;
}

