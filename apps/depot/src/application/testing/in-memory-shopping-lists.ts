// Test support: the shopping-list repository in memory, with the PostgreSQL adapter's contract (undefined for an
// unknown id, one list per order, optimistic lock, commitEvents after a save).
import { ConflictError } from '@mallbots/ddd';
import { ShoppingList, type ShoppingListState } from '../../domain/index.js';
import type { ShoppingListFilter, ShoppingListRepository } from '../ports/shopping-list.repository.port.js';

export class InMemoryShoppingLists implements ShoppingListRepository {
  /** In insertion order, which stands for the table's created_at. */
  readonly rows = new Map<string, ShoppingListState>();

  async find(id: string): Promise<ShoppingList | undefined> {
    const row = this.rows.get(id);
    return row && ShoppingList.fromState(row);
  }

  async findByOrderId(orderId: string): Promise<ShoppingList | undefined> {
    const row = [...this.rows.values()].find((r) => r.orderId === orderId);
    return row && ShoppingList.fromState(row);
  }

  async save(list: ShoppingList): Promise<void> {
    const stored = this.rows.get(list.id);
    const state = list.toState();
    const isNew = list.version === 0;
    if (isNew ? stored !== undefined || [...this.rows.values()].some((r) => r.orderId === state.orderId) : stored?.version !== list.version) {
      throw new ConflictError(`shopping list ${list.id} was changed concurrently; try again`);
    }
    this.rows.set(list.id, state);
    list.commitEvents();
  }

  async list(filter: ShoppingListFilter): Promise<ShoppingListState[]> {
    return [...this.rows.values()].filter((r) => !filter.status || r.status === filter.status).slice(0, filter.limit);
  }
}
