import { FailedPreconditionError, InvalidArgumentError, Money, NotFoundError } from '@mallbots/ddd';
import { inMemoryStoresApp, type InMemoryStoresApp } from '../testing/stores.in-memory.js';
import { AddProductCommand } from './add-product/add-product.command.js';
import { CreateStoreCommand } from './create-store/create-store.command.js';
import { DecreaseProductPriceCommand } from './decrease-product-price/decrease-product-price.command.js';
import { GetCatalogQuery } from './get-catalog/get-catalog.query.js';
import { GetProductQuery } from './get-product/get-product.query.js';
import { IncreaseProductPriceCommand } from './increase-product-price/increase-product-price.command.js';
import { RebrandProductCommand } from './rebrand-product/rebrand-product.command.js';
import { RemoveProductCommand } from './remove-product/remove-product.command.js';

const $ = (decimal: number) => Money.fromDecimal(decimal);

describe('product use cases (in-memory event store, read model and outbox)', () => {
  let app: InMemoryStoresApp;
  let storeId: string;
  const add = async (price = 9.99, name = 'Basket', store = storeId) =>
    (await app.handlers.addProduct.execute(new AddProductCommand(store, name, 'Woven', 'BSK-1', $(price)))).id;
  const priceOf = async (id: string) => (await app.handlers.getProduct.execute(new GetProductQuery(id))).price.cents;
  const state = async (id: string) => ({
    events: await app.eventStore.load('stores.Product', id),
    row: app.catalog.rows.get(id),
    messages: app.outbox.messages.length,
  });

  beforeEach(async () => {
    app = inMemoryStoresApp();
    storeId = (await app.handlers.createStore.execute(new CreateStoreCommand('Mall Mart', 'Level 1'))).id;
    app.outbox.messages.length = 0;
  });

  it('adds a product to an existing store: stream, catalog row and ProductAdded with the decimal price', async () => {
    const id = await add(9.99);
    expect(await app.handlers.getProduct.execute(new GetProductQuery(id))).toEqual({ id, storeId, name: 'Basket', description: 'Woven', sku: 'BSK-1', price: $(9.99) });
    expect(app.published()).toEqual([
      { subject: 'mallbots.stores.events.Product', name: 'storesapi.ProductAdded', payload: { id, storeId, name: 'Basket', description: 'Woven', sku: 'BSK-1', price: 9.99 } },
    ]);
  });

  it('refuses a product for a store that does not exist (the reference accepted any store id), creating nothing', async () => {
    await expect(add(1, 'Ghost', 'no-such-store')).rejects.toThrow(new NotFoundError('store with that ID does not exist'));
    expect([app.catalog.rows.size, app.outbox.messages.length]).toEqual([0, 0]);
  });

  it('validates the product before looking up the store: bad input is a 400 even for an unknown store', async () => {
    await expect(add(1, ' ', 'no-such-store')).rejects.toThrow(new InvalidArgumentError('the product name cannot be blank'));
    await expect(add(-0.01, 'Bag', 'no-such-store')).rejects.toThrow(new InvalidArgumentError('the product price cannot be negative'));
  });

  it('applies every price change to the catalog as its exact delta and publishes it signed', async () => {
    const id = await add(0.1);
    await app.handlers.increaseProductPrice.execute(new IncreaseProductPriceCommand(id, $(0.1 + 0.2)));
    expect(await priceOf(id)).toBe(30);
    await app.handlers.decreaseProductPrice.execute(new DecreaseProductPriceCommand(id, $(0.07)));
    expect(await priceOf(id)).toBe(7);
    await app.handlers.increaseProductPrice.execute(new IncreaseProductPriceCommand(id, $(19.99)));
    expect(await priceOf(id)).toBe(1999);
    expect(app.published().slice(1).map((m) => [m.name, m.payload])).toEqual([
      ['storesapi.ProductPriceIncreased', { id, delta: 0.2 }],
      ['storesapi.ProductPriceDecreased', { id, delta: -0.23 }],
      ['storesapi.ProductPriceIncreased', { id, delta: 19.92 }],
    ]);
    // The stream and the read model agree: replaying the deltas gives the catalog's price.
    expect(await app.snapshotStore.load('stores.Product', id)).toMatchObject({ streamVersion: 3, data: { price: 7 } });
  });

  it('rebrands, then removes a product: it leaves the catalog and later commands are refused', async () => {
    const id = await add(5);
    const kept = await add(3, 'Bag');
    await app.handlers.rebrandProduct.execute(new RebrandProductCommand(id, 'Big Basket', ''));
    expect(await app.handlers.getCatalog.execute(new GetCatalogQuery(storeId))).toEqual([
      { id, storeId, name: 'Big Basket', description: '', sku: 'BSK-1', price: $(5) },
      { id: kept, storeId, name: 'Bag', description: 'Woven', sku: 'BSK-1', price: $(3) },
    ]);
    await app.handlers.removeProduct.execute(new RemoveProductCommand(id));
    expect((await app.handlers.getCatalog.execute(new GetCatalogQuery(storeId))).map((p) => p.id)).toEqual([kept]);
    await expect(app.handlers.getProduct.execute(new GetProductQuery(id))).rejects.toThrow(new NotFoundError('product with that ID does not exist'));
    await expect(app.handlers.increaseProductPrice.execute(new IncreaseProductPriceCommand(id, $(6)))).rejects.toThrow(new FailedPreconditionError('the product has been removed'));
    await expect(app.handlers.removeProduct.execute(new RemoveProductCommand(id))).rejects.toThrow(new FailedPreconditionError('the product has already been removed'));
    expect(app.published().filter((m) => (m.payload as { id: string }).id === id).map((m) => m.name)).toEqual([
      'storesapi.ProductAdded',
      'storesapi.ProductRebranded',
      'storesapi.ProductRemoved',
    ]);
  });

  it.each<[string, (app: InMemoryStoresApp, id: string) => Promise<unknown>]>([
    ['rebrand', (a, id) => a.handlers.rebrandProduct.execute(new RebrandProductCommand(id, 'Ghost', ''))],
    ['increase the price of', (a, id) => a.handlers.increaseProductPrice.execute(new IncreaseProductPriceCommand(id, $(1)))],
    ['decrease the price of', (a, id) => a.handlers.decreaseProductPrice.execute(new DecreaseProductPriceCommand(id, $(1)))],
    ['remove', (a, id) => a.handlers.removeProduct.execute(new RemoveProductCommand(id))],
    ['get', (a, id) => a.handlers.getProduct.execute(new GetProductQuery(id))],
  ])('%s an unknown product: NotFound with the reference’s text, and no phantom stream', async (_case, run) => {
    await expect(run(app, 'no-such-product')).rejects.toThrow(new NotFoundError('product with that ID does not exist'));
    expect(await state('no-such-product')).toEqual({ events: [], row: undefined, messages: 0 });
  });

  it.each<[string, (app: InMemoryStoresApp, id: string) => Promise<unknown>, string]>([
    ['an increase to a lower price', (a, id) => a.handlers.increaseProductPrice.execute(new IncreaseProductPriceCommand(id, $(9.98))), 'the price change would be a decrease'],
    ['a decrease to a higher price', (a, id) => a.handlers.decreaseProductPrice.execute(new DecreaseProductPriceCommand(id, $(10))), 'the price change would be an increase'],
    ['an unchanged price', (a, id) => a.handlers.decreaseProductPrice.execute(new DecreaseProductPriceCommand(id, $(9.99))), 'the price change would leave the price unchanged'],
    ['a negative price', (a, id) => a.handlers.decreaseProductPrice.execute(new DecreaseProductPriceCommand(id, $(-1))), 'the product price cannot be negative'],
    ['a blank rebrand', (a, id) => a.handlers.rebrandProduct.execute(new RebrandProductCommand(id, '', 'x')), 'the product name cannot be blank'],
  ])('refuses %s and changes nothing', async (_case, run, message) => {
    const id = await add(9.99);
    const before = await state(id);
    await expect(run(app, id)).rejects.toThrow(new InvalidArgumentError(message));
    expect(await state(id)).toEqual(before);
  });

  it('answers the catalog of an unknown store with NotFound, and of a store without products with an empty list', async () => {
    await expect(app.handlers.getCatalog.execute(new GetCatalogQuery('no-such-store'))).rejects.toThrow(new NotFoundError('store with that ID does not exist'));
    expect(await app.handlers.getCatalog.execute(new GetCatalogQuery(storeId))).toEqual([]);
  });
});
