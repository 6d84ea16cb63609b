// Consumer contract kiosk → stores-api: the mall and the catalogs a kiosk shows, each interaction run through the
// real client against Pact's mock server. Verified by apps/stores/src/adapters/rest/stores.http.pact.spec.ts.
import { MatchersV3 } from '@pact-foundation/pact';
import { consumerContract } from '@mallbots/testing/pact';
import { KioskClient } from './index.js';

const { boolean, eachLike, equal, like, uuid } = MatchersV3;

const contract = consumerContract('kiosk', 'stores-api');
afterAll(() => contract.expectCommitted());

const STORE = '8d2e4f6a-1b3c-4d5e-8f70-9a1b2c3d4e02';
const PRODUCT = 'c3a1e5b7-9d2f-4a6c-8e0b-1d3f5a7c9e03';
const UNKNOWN_STORE = '2a3b4c5d-6e7f-4809-9a1b-2c3d4e5f6a08';
const UNKNOWN_PRODUCT = '1f2e3d4c-5b6a-4798-8a7b-6c5d4e3f2a07';

const ACCEPT_JSON = { Accept: 'application/json' };

const aStore = (participating: boolean) => ['a store exists', { id: STORE, name: 'Nic & Naks', location: 'Level 1, unit 12', participating }] as const;
const aProduct = ['a product exists', { id: PRODUCT, storeId: STORE, name: 'Wizard w/ crystal', description: 'Hand-painted', sku: 'W-1', price: 9.99 }] as const;

/** A store as the kiosk reads it; `participating` is given when the request is about it. */
const storeLike = (participating?: boolean) => ({
  id: uuid(STORE),
  name: like('Nic & Naks'),
  location: like('Level 1, unit 12'),
  participating: participating === undefined ? boolean(false) : equal(participating),
});

const productLike = (storeId: unknown = uuid(STORE)) => ({
  id: uuid(PRODUCT),
  storeId,
  name: like('Wizard w/ crystal'),
  description: like('Hand-painted'),
  sku: like('W-1'),
  price: like(9.99),
});

const kiosk = (url: string) => new KioskClient({ baseUrl: url, timeoutMs: 5_000 });

describe('kiosk → stores-api', () => {
  it('lists the stores', async () => {
    await contract.pact
      .addInteraction()
      .given(...aStore(false))
      .uponReceiving('a request for the stores')
      .withRequest('GET', '/api/stores', (b) => b.headers(ACCEPT_JSON))
      .willRespondWith(200, (b) => b.jsonBody({ stores: eachLike(storeLike()) }))
      .executeTest(async (mock) => {
        expect(await kiosk(mock.url).stores.list()).toEqual([{ id: STORE, name: 'Nic & Naks', location: 'Level 1, unit 12', participating: false }]);
      });
  });

  it('lists the participating stores: the mall', async () => {
    await contract.pact
      .addInteraction()
      .given(...aStore(true))
      .uponReceiving('a request for the participating stores')
      .withRequest('GET', '/api/stores/participating', (b) => b.headers(ACCEPT_JSON))
      .willRespondWith(200, (b) => b.jsonBody({ stores: eachLike(storeLike(true)) }))
      .executeTest(async (mock) => {
        expect(await kiosk(mock.url).stores.participating()).toEqual([expect.objectContaining({ id: STORE, participating: true })]);
      });
  });

  it('gets a store', async () => {
    await contract.pact
      .addInteraction()
      .given(...aStore(true))
      .uponReceiving('a request for a store')
      .withRequest('GET', `/api/stores/${STORE}`, (b) => b.headers(ACCEPT_JSON))
      .willRespondWith(200, (b) => b.jsonBody({ store: { ...storeLike(true), id: STORE } }))
      .executeTest(async (mock) => {
        expect(await kiosk(mock.url).stores.get(STORE)).toEqual({ id: STORE, name: 'Nic & Naks', location: 'Level 1, unit 12', participating: true });
      });
  });

  it('is told that an unknown store does not exist (404)', async () => {
    await contract.pact
      .addInteraction()
      .uponReceiving('a request for a store that does not exist')
      .withRequest('GET', `/api/stores/${UNKNOWN_STORE}`, (b) => b.headers(ACCEPT_JSON))
      .willRespondWith(404, (b) => b.jsonBody({ code: 5, message: like('store with that ID does not exist') }))
      .executeTest(async (mock) => {
        await expect(kiosk(mock.url).stores.get(UNKNOWN_STORE)).rejects.toMatchObject({ status: 404, code: 5, isNotFound: true });
      });
  });

  it('lists a store’s products (its catalog)', async () => {
    await contract.pact
      .addInteraction()
      .given(...aStore(true))
      .given(...aProduct)
      .uponReceiving('a request for a store’s products')
      .withRequest('GET', `/api/stores/${STORE}/products`, (b) => b.headers(ACCEPT_JSON))
      .willRespondWith(200, (b) => b.jsonBody({ products: eachLike(productLike(equal(STORE))) }))
      .executeTest(async (mock) => {
        expect(await kiosk(mock.url).stores.catalog(STORE)).toEqual([
          { id: PRODUCT, storeId: STORE, name: 'Wizard w/ crystal', description: 'Hand-painted', sku: 'W-1', price: 9.99 },
        ]);
      });
  });

  it('is told that an unknown store has no catalog (404)', async () => {
    await contract.pact
      .addInteraction()
      .uponReceiving('a request for the products of a store that does not exist')
      .withRequest('GET', `/api/stores/${UNKNOWN_STORE}/products`, (b) => b.headers(ACCEPT_JSON))
      .willRespondWith(404, (b) => b.jsonBody({ code: 5, message: like('store with that ID does not exist') }))
      .executeTest(async (mock) => {
        await expect(kiosk(mock.url).stores.catalog(UNKNOWN_STORE)).rejects.toMatchObject({ status: 404, code: 5 });
      });
  });

  it('gets a product', async () => {
    await contract.pact
      .addInteraction()
      .given(...aStore(true))
      .given(...aProduct)
      .uponReceiving('a request for a product')
      .withRequest('GET', `/api/stores/products/${PRODUCT}`, (b) => b.headers(ACCEPT_JSON))
      .willRespondWith(200, (b) => b.jsonBody({ product: { ...productLike(), id: PRODUCT } }))
      .executeTest(async (mock) => {
        expect(await kiosk(mock.url).stores.product(PRODUCT)).toMatchObject({ id: PRODUCT, storeId: STORE, price: 9.99 });
      });
  });

  it('is told that an unknown product does not exist (404)', async () => {
    await contract.pact
      .addInteraction()
      .uponReceiving('a request for a product that does not exist')
      .withRequest('GET', `/api/stores/products/${UNKNOWN_PRODUCT}`, (b) => b.headers(ACCEPT_JSON))
      .willRespondWith(404, (b) => b.jsonBody({ code: 5, message: like('product with that ID does not exist') }))
      .executeTest(async (mock) => {
        await expect(kiosk(mock.url).stores.product(UNKNOWN_PRODUCT)).rejects.toMatchObject({ status: 404, code: 5 });
      });
  });
});
