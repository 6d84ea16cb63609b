// Consumer contract kiosk → baskets-api: what the kiosk client sends to /api/baskets and what it relies on in the
// answers, each interaction run through the real client against Pact's mock server. Verified by
// apps/baskets/src/adapters/rest/baskets.http.pact.spec.ts against the real REST adapter.
import { MatchersV3 } from '@pact-foundation/pact';
import { consumerContract } from '@mallbots/testing/pact';
import { KioskClient } from './index.js';

const { eachLike, integer, like, uuid } = MatchersV3;

const contract = consumerContract('kiosk', 'baskets-api');
afterAll(() => contract.expectCommitted());

const CUSTOMER = '5b0f6d5e-2c4a-4d6e-9a51-7c1e0b3d2a01';
const STORE = '8d2e4f6a-1b3c-4d5e-8f70-9a1b2c3d4e02';
const PRODUCT = 'c3a1e5b7-9d2f-4a6c-8e0b-1d3f5a7c9e03';
const BASKET = 'f4b2d6e8-0a1c-4e3f-9b5d-7f9a1c3e5b04';
const PAYMENT = 'a9c7e5d3-b1f2-4e0d-8c6a-4b2e0f8d6a05';
const UNKNOWN_BASKET = '0e1d2c3b-4a59-4687-b6a5-c4d3e2f1a006';
const UNKNOWN_PRODUCT = '1f2e3d4c-5b6a-4798-8a7b-6c5d4e3f2a07';

const JSON_REQUEST = { Accept: 'application/json', 'Content-Type': 'application/json' };
const ACCEPT_JSON = { Accept: 'application/json' };

// Provider states, with the parameters the provider needs to put them in place.
const aStore = ['a store exists', { id: STORE, name: 'Nic & Naks' }] as const;
const aProduct = ['a product exists', { id: PRODUCT, storeId: STORE, name: 'Wizard w/ crystal', price: 9.99 }] as const;
const aBasket = (status: 'open' | 'checked_out' | 'canceled', items: Array<{ productId: string; quantity: number }> = []) =>
  ['a basket exists', { id: BASKET, customerId: CUSTOMER, status, items }] as const;

const kiosk = (url: string) => new KioskClient({ baseUrl: url, timeoutMs: 5_000 });

describe('kiosk → baskets-api', () => {
  it('starts a basket for a customer and gets its id', async () => {
    await contract.pact
      .addInteraction()
      .uponReceiving('a request to start a basket')
      .withRequest('POST', '/api/baskets', (b) => b.headers(JSON_REQUEST).jsonBody({ customerId: CUSTOMER }))
      .willRespondWith(200, (b) => b.jsonBody({ id: uuid(BASKET) }))
      .executeTest(async (mock) => {
        expect(await kiosk(mock.url).baskets.start(CUSTOMER)).toEqual({ id: BASKET });
      });
  });

  it('is refused a basket without a customer id (400)', async () => {
    await contract.pact
      .addInteraction()
      .uponReceiving('a request to start a basket without a customer id')
      .withRequest('POST', '/api/baskets', (b) => b.headers(JSON_REQUEST).jsonBody({ customerId: '' }))
      .willRespondWith(400, (b) => b.jsonBody({ code: 3, message: 'the customer id cannot be blank' }))
      .executeTest(async (mock) => {
        await expect(kiosk(mock.url).baskets.start('')).rejects.toMatchObject({ status: 400, code: 3, message: 'the customer id cannot be blank' });
      });
  });

  it('gets a basket with its lines, status and total', async () => {
    await contract.pact
      .addInteraction()
      .given(...aStore)
      .given(...aProduct)
      .given(...aBasket('open', [{ productId: PRODUCT, quantity: 2 }]))
      .uponReceiving('a request to get a basket')
      .withRequest('GET', `/api/baskets/${BASKET}`, (b) => b.headers(ACCEPT_JSON))
      .willRespondWith(200, (b) =>
        b.jsonBody({
          basket: {
            id: BASKET,
            items: eachLike({
              storeId: like(STORE),
              productId: like(PRODUCT),
              storeName: like('Nic & Naks'),
              productName: like('Wizard w/ crystal'),
              productPrice: like(9.99),
              quantity: integer(2),
            }),
            customerId: like(CUSTOMER),
            paymentId: like(''),
            status: 'open',
            total: like(19.98),
          },
        }),
      )
      .executeTest(async (mock) => {
        const basket = await kiosk(mock.url).baskets.get(BASKET);
        expect(basket).toMatchObject({ id: BASKET, status: 'open', total: 19.98, items: [{ productId: PRODUCT, quantity: 2, productPrice: 9.99 }] });
      });
  });

  it('is told that an unknown basket does not exist (404)', async () => {
    await contract.pact
      .addInteraction()
      .uponReceiving('a request to get a basket that does not exist')
      .withRequest('GET', `/api/baskets/${UNKNOWN_BASKET}`, (b) => b.headers(ACCEPT_JSON))
      .willRespondWith(404, (b) => b.jsonBody({ code: 5, message: like(`basket ${UNKNOWN_BASKET} not found`) }))
      .executeTest(async (mock) => {
        await expect(kiosk(mock.url).baskets.get(UNKNOWN_BASKET)).rejects.toMatchObject({ status: 404, code: 5, isNotFound: true });
      });
  });

  it('adds a product to an open basket', async () => {
    await contract.pact
      .addInteraction()
      .given(...aStore)
      .given(...aProduct)
      .given(...aBasket('open'))
      .uponReceiving('a request to add a product')
      .withRequest('PUT', `/api/baskets/${BASKET}/addItem`, (b) => b.headers(JSON_REQUEST).jsonBody({ productId: PRODUCT, quantity: 1 }))
      .willRespondWith(200, (b) => b.jsonBody({}))
      .executeTest(async (mock) => {
        await expect(kiosk(mock.url).baskets.addItem(BASKET, { productId: PRODUCT, quantity: 1 })).resolves.toBeUndefined();
      });
  });

  it('is refused a negative quantity with the reference’s message (400)', async () => {
    await contract.pact
      .addInteraction()
      .given(...aStore)
      .given(...aProduct)
      .given(...aBasket('open'))
      .uponReceiving('a request to add a product with a negative quantity')
      .withRequest('PUT', `/api/baskets/${BASKET}/addItem`, (b) => b.headers(JSON_REQUEST).jsonBody({ productId: PRODUCT, quantity: -1 }))
      .willRespondWith(400, (b) => b.jsonBody({ code: 3, message: 'the item quantity cannot be negative' }))
      .executeTest(async (mock) => {
        await expect(kiosk(mock.url).baskets.addItem(BASKET, { productId: PRODUCT, quantity: -1 })).rejects.toMatchObject({
          status: 400,
          code: 3,
          message: 'the item quantity cannot be negative',
        });
      });
  });

  it('is told that an unknown product cannot be added, with the reference’s message (404)', async () => {
    await contract.pact
      .addInteraction()
      .given(...aBasket('open'))
      .uponReceiving('a request to add a product that does not exist')
      .withRequest('PUT', `/api/baskets/${BASKET}/addItem`, (b) => b.headers(JSON_REQUEST).jsonBody({ productId: UNKNOWN_PRODUCT, quantity: 1 }))
      .willRespondWith(404, (b) => b.jsonBody({ code: 5, message: 'product fallback failed: product was not located' }))
      .executeTest(async (mock) => {
        await expect(kiosk(mock.url).baskets.addItem(BASKET, { productId: UNKNOWN_PRODUCT, quantity: 1 })).rejects.toMatchObject({
          status: 404,
          code: 5,
          message: 'product fallback failed: product was not located',
        });
      });
  });

  it('is refused changes to a basket that is checked out (400)', async () => {
    await contract.pact
      .addInteraction()
      .given(...aStore)
      .given(...aProduct)
      .given(...aBasket('checked_out', [{ productId: PRODUCT, quantity: 1 }]))
      .uponReceiving('a request to add a product to a checked-out basket')
      .withRequest('PUT', `/api/baskets/${BASKET}/addItem`, (b) => b.headers(JSON_REQUEST).jsonBody({ productId: PRODUCT, quantity: 1 }))
      .willRespondWith(400, (b) => b.jsonBody({ code: 3, message: 'the basket cannot be modified' }))
      .executeTest(async (mock) => {
        await expect(kiosk(mock.url).baskets.addItem(BASKET, { productId: PRODUCT, quantity: 1 })).rejects.toMatchObject({ status: 400, message: 'the basket cannot be modified' });
      });
  });

  it('removes some of a product from a basket', async () => {
    await contract.pact
      .addInteraction()
      .given(...aStore)
      .given(...aProduct)
      .given(...aBasket('open', [{ productId: PRODUCT, quantity: 2 }]))
      .uponReceiving('a request to remove a product')
      .withRequest('PUT', `/api/baskets/${BASKET}/removeItem`, (b) => b.headers(JSON_REQUEST).jsonBody({ productId: PRODUCT, quantity: 1 }))
      .willRespondWith(200, (b) => b.jsonBody({}))
      .executeTest(async (mock) => {
        await expect(kiosk(mock.url).baskets.removeItem(BASKET, { productId: PRODUCT, quantity: 1 })).resolves.toBeUndefined();
      });
  });

  it('checks a basket out with an authorized payment', async () => {
    await contract.pact
      .addInteraction()
      .given(...aStore)
      .given(...aProduct)
      .given(...aBasket('open', [{ productId: PRODUCT, quantity: 1 }]))
      .uponReceiving('a request to check out a basket')
      .withRequest('PUT', `/api/baskets/${BASKET}/checkout`, (b) => b.headers(JSON_REQUEST).jsonBody({ paymentId: PAYMENT }))
      .willRespondWith(200, (b) => b.jsonBody({}))
      .executeTest(async (mock) => {
        await expect(kiosk(mock.url).baskets.checkout(BASKET, PAYMENT)).resolves.toBeUndefined();
      });
  });

  it('is refused the checkout of an empty basket (400)', async () => {
    await contract.pact
      .addInteraction()
      .given(...aBasket('open'))
      .uponReceiving('a request to check out an empty basket')
      .withRequest('PUT', `/api/baskets/${BASKET}/checkout`, (b) => b.headers(JSON_REQUEST).jsonBody({ paymentId: PAYMENT }))
      .willRespondWith(400, (b) => b.jsonBody({ code: 3, message: 'the basket has no items' }))
      .executeTest(async (mock) => {
        await expect(kiosk(mock.url).baskets.checkout(BASKET, PAYMENT)).rejects.toMatchObject({ status: 400, message: 'the basket has no items' });
      });
  });

  it('cancels an open basket', async () => {
    await contract.pact
      .addInteraction()
      .given(...aBasket('open'))
      .uponReceiving('a request to cancel a basket')
      .withRequest('DELETE', `/api/baskets/${BASKET}`, (b) => b.headers(ACCEPT_JSON))
      .willRespondWith(200, (b) => b.jsonBody({}))
      .executeTest(async (mock) => {
        await expect(kiosk(mock.url).baskets.cancel(BASKET)).resolves.toBeUndefined();
      });
  });
});
