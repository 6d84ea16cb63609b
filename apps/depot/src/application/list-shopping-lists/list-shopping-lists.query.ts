import { Query } from '@nestjs/cqrs';
import type { ShoppingListStatus } from '../../domain/index.js';
import type { ShoppingListView } from '../get-shopping-list/get-shopping-list.query.js';

export const DEFAULT_LIST_LIMIT = 50;
export const MAX_LIST_LIMIT = 500;

/** Lists in a status, oldest first: `available` is how a bot finds work (G04). */
export class ListShoppingListsQuery extends Query<ShoppingListView[]> {
  constructor(
    readonly status: ShoppingListStatus | undefined,
    readonly limit: number = DEFAULT_LIST_LIMIT,
  ) {
    super();
  }
}
