import { InvalidArgumentError } from '@mallbots/ddd';
import { GetShoppingListHandler } from '../get-shopping-list/get-shopping-list.handler.js';
import { GetShoppingListQuery } from '../get-shopping-list/get-shopping-list.query.js';
import { DepotFixture } from '../testing/depot.fixture.js';
import { ListShoppingListsHandler } from './list-shopping-lists.handler.js';
import { ListShoppingListsQuery } from './list-shopping-lists.query.js';

describe('the shopping-list queries', () => {
  it('lists the lists in a status (how a bot finds available work), bounded by the limit', async () => {
    const f = new DepotFixture();
    await f.storedList('available', 'sl-1', 'o-1');
    await f.storedList('pending', 'sl-2', 'o-2');
    await f.storedList('available', 'sl-3', 'o-3');
    const handler = new ListShoppingListsHandler(f.lists);
    expect((await handler.execute(new ListShoppingListsQuery('available'))).map((l) => l.id)).toEqual(['sl-1', 'sl-3']);
    expect((await handler.execute(new ListShoppingListsQuery('available', 1))).map((l) => l.id)).toEqual(['sl-1']);
    expect(await handler.execute(new ListShoppingListsQuery(undefined))).toHaveLength(3);
  });

  it.each([0, -1, 501, 1.5])('refuses the limit %p', async (limit) => {
    await expect(new ListShoppingListsHandler(new DepotFixture().lists).execute(new ListShoppingListsQuery(undefined, limit))).rejects.toBeInstanceOf(InvalidArgumentError);
  });

  it('reads one list without its version', async () => {
    const f = new DepotFixture();
    await f.storedList('pending');
    const view = await new GetShoppingListHandler(f.lists).execute(new GetShoppingListQuery('sl-1'));
    expect(view).toEqual({ id: 'sl-1', orderId: 'o-1', assignedBotId: '', status: 'pending', stops: expect.any(Object) });
    await expect(new GetShoppingListHandler(f.lists).execute(new GetShoppingListQuery('nope'))).rejects.toThrow('shopping list nope not found');
  });
});
