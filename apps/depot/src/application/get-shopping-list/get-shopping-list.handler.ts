import { Inject } from '@nestjs/common';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { SHOPPING_LIST_REPOSITORY, type ShoppingListRepository } from '../ports/shopping-list.repository.port.js';
import { requireShoppingList } from '../save-and-publish.js';
import { GetShoppingListQuery, type ShoppingListView, toView } from './get-shopping-list.query.js';

/** The reference had this query in its application but no RPC or route for it; REST serves it now. */
@QueryHandler(GetShoppingListQuery)
export class GetShoppingListHandler implements IQueryHandler<GetShoppingListQuery> {
  constructor(@Inject(SHOPPING_LIST_REPOSITORY) private readonly lists: ShoppingListRepository) {}

  async execute(query: GetShoppingListQuery): Promise<ShoppingListView> {
    return toView((await requireShoppingList(this.lists, query.id)).toState());
  }
}
