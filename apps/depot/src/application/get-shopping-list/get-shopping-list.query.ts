import { Query } from '@nestjs/cqrs';
import type { ShoppingListState } from '../../domain/index.js';

/** A shopping list as clients see it: the proto's depotpb.ShoppingList. */
export type ShoppingListView = Omit<ShoppingListState, 'version'>;

export class GetShoppingListQuery extends Query<ShoppingListView> {
  constructor(readonly id: string) {
    super();
  }
}

export function toView({ version: _version, ...view }: ShoppingListState): ShoppingListView {
  return view;
}
