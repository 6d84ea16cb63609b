import { InvalidArgumentError, NotFoundError, UnavailableError } from '@mallbots/ddd';
import { ShoppingListEvent } from '../../domain/index.js';
import { BROOM, DepotFixture, OTHER_STORE, STORE, WIZARD } from '../testing/depot.fixture.js';
import { CreateShoppingListCommand } from './create-shopping-list.command.js';
import { CreateShoppingListHandler } from './create-shopping-list.handler.js';

describe('CreateShoppingListHandler', () => {
  const setup = async (withCatalog = true) => {
    const f = new DepotFixture();
    if (withCatalog) await f.withCatalog();
    return { f, handler: new CreateShoppingListHandler(f.lists, f.dispatcher, f.catalog) };
  };
  const create = (orderId: string, items: Array<[productId: string, storeId: string, quantity: number]>) =>
    new CreateShoppingListCommand(orderId, items.map(([productId, storeId, quantity]) => ({ productId, storeId, quantity })));

  it('builds the list from the caches alone, stores it pending and dispatches ShoppingListCreated', async () => {
    const { f, handler } = await setup();
    const { id } = await handler.execute(create('o-1', [['p-1', 's-1', 2], ['p-2', 's-2', 1]]));
    expect(f.lists.rows.get(id)).toMatchObject({
      orderId: 'o-1',
      status: 'pending',
      stops: {
        's-1': { storeName: STORE.name, storeLocation: STORE.location, items: { 'p-1': { name: WIZARD.name, quantity: 2 } } },
        's-2': { storeName: OTHER_STORE.name, storeLocation: OTHER_STORE.location, items: { 'p-2': { name: BROOM.name, quantity: 1 } } },
      },
    });
    expect(f.dispatched.map((e) => [e.name, e.payload])).toEqual([[ShoppingListEvent.Created, { id, orderId: 'o-1' }]]);
    expect(f.remote.calls).toEqual([]);
  });

  it('asks Stores on a cache miss — for the store and the product — and caches the answers', async () => {
    const { f, handler } = await setup(false);
    f.remote.stores.set('s-1', STORE);
    f.remote.products.set('p-1', WIZARD);
    await handler.execute(create('o-1', [['p-1', 's-1', 1]]));
    await handler.execute(create('o-2', [['p-1', 's-1', 1]]));
    expect(f.remote.calls).toEqual(['GetStore s-1', 'GetProduct p-1']); // the second list came from the cache
    expect(f.stores.rows.get('s-1')).toEqual({ store: STORE, source: 'fallback' });
    expect(f.products.rows.get('p-1')).toMatchObject({ product: WIZARD, source: 'fallback' });
  });

  it('answers the existing list for an order that has one, creating nothing', async () => {
    const { f, handler } = await setup();
    const first = await handler.execute(create('o-1', [['p-1', 's-1', 1]]));
    f.dispatched.length = 0;
    expect(await handler.execute(create('o-1', [['p-1', 's-1', 1]]))).toEqual(first);
    expect(f.lists.rows.size).toBe(1);
    expect(f.dispatched).toEqual([]);
  });

  it.each([
    ['a store Stores does not know', [['p-1', 's-9', 1]], NotFoundError, 'building shopping list: store s-9 was not located'],
    ['a product Stores does not know', [['p-9', 's-1', 1]], NotFoundError, 'building shopping list: product p-9 was not located'],
    ['a product of another store', [['p-2', 's-1', 1]], InvalidArgumentError, 'product p-2 is not sold by store s-1'],
    ['a zero quantity', [['p-1', 's-1', 0]], InvalidArgumentError, 'the item quantity must be a positive whole number'],
    ['no items', [], InvalidArgumentError, 'the shopping list has no items'],
  ] as const)('refuses %s, storing and dispatching nothing', async (_what, items, type, message) => {
    const { f, handler } = await setup();
    const refused = handler.execute(create('o-1', items.map((i) => [...i])));
    await expect(refused).rejects.toBeInstanceOf(type);
    await expect(refused).rejects.toThrow(message);
    expect(f.lists.rows.size).toBe(0);
    expect(f.dispatched).toEqual([]);
  });

  it('refuses bad input before asking Stores anything', async () => {
    const { f, handler } = await setup(false);
    await expect(handler.execute(create(' ', [['p-1', 's-1', 1]]))).rejects.toThrow('the order id cannot be blank');
    await expect(handler.execute(create('o-1', [['p-1', 's-1', -3]]))).rejects.toBeInstanceOf(InvalidArgumentError);
    expect(f.remote.calls).toEqual([]);
  });

  it('refuses a removed product from its tombstone, without asking Stores', async () => {
    const { f, handler } = await setup();
    await f.products.remove('p-1');
    await expect(handler.execute(create('o-1', [['p-1', 's-1', 1]]))).rejects.toThrow(new NotFoundError('building shopping list: product p-1 is no longer sold'));
    expect(f.remote.calls).toEqual([]);
  });

  it('keeps a Stores outage an outage (UnavailableError: redelivered, not a refusal the saga compensates)', async () => {
    const { f, handler } = await setup(false);
    f.remote.failure = new UnavailableError('the stores service is unavailable');
    const failed = handler.execute(create('o-1', [['p-1', 's-1', 1]]));
    await expect(failed).rejects.toBeInstanceOf(UnavailableError);
    await expect(failed).rejects.toThrow('building shopping list: store fallback failed: the stores service is unavailable');
    expect(f.lists.rows.size).toBe(0);
  });
});
