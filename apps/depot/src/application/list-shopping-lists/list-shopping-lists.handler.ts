import { Inject } from '@nestjs/common';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { InvalidArgumentError } from '@mallbots/ddd';
import { type ShoppingListView, toView } from '../get-shopping-list/get-shopping-list.query.js';
import { SHOPPING_LIST_REPOSITORY, type ShoppingListRepository } from '../ports/shopping-list.repository.port.js';
import { ListShoppingListsQuery, MAX_LIST_LIMIT } from './list-shopping-lists.query.js';

@QueryHandler(ListShoppingListsQuery)
export class ListShoppingListsHandler implements IQueryHandler<ListShoppingListsQuery> {
  constructor(@Inject(SHOPPING_LIST_REPOSITORY) private readonly lists: ShoppingListRepository) {}

  async execute(query: ListShoppingListsQuery): Promise<ShoppingListView[]> {
    // Bounded: an unpaginated answer grows with the business (§14.6 item 52).
    if (!Number.isInteger(query.limit) || query.limit < 1 || query.limit > MAX_LIST_LIMIT) {
      throw new InvalidArgumentError(`the limit must be a whole number from 1 to ${MAX_LIST_LIMIT}`);
    }
    return (await this.lists.list({ status: query.status, limit: query.limit })).map(toView);
  }
}
