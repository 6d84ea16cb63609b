// Consumer contract kiosk → customers-api: registering a customer at the kiosk and reading one back, each
// interaction run through the real client against Pact's mock server. Verified by
// apps/customers/src/adapters/rest/customers.http.pact.spec.ts.
import { MatchersV3 } from '@pact-foundation/pact';
import { consumerContract } from '@mallbots/testing/pact';
import { KioskClient } from './index.js';

const { boolean, like, uuid } = MatchersV3;

const contract = consumerContract('kiosk', 'customers-api');
afterAll(() => contract.expectCommitted());

const CUSTOMER = '5b0f6d5e-2c4a-4d6e-9a51-7c1e0b3d2a01';
const UNKNOWN_CUSTOMER = '3b4c5d6e-7f80-4912-8b2c-3d4e5f6a7b09';

const JSON_REQUEST = { Accept: 'application/json', 'Content-Type': 'application/json' };
const ACCEPT_JSON = { Accept: 'application/json' };

const kiosk = (url: string) => new KioskClient({ baseUrl: url, timeoutMs: 5_000 });

describe('kiosk → customers-api', () => {
  it('registers a customer and gets the id', async () => {
    await contract.pact
      .addInteraction()
      .uponReceiving('a request to register a customer')
      .withRequest('POST', '/api/customers', (b) => b.headers(JSON_REQUEST).jsonBody({ name: 'Customer ABC', smsNumber: '555-555-1212' }))
      .willRespondWith(200, (b) => b.jsonBody({ id: uuid(CUSTOMER) }))
      .executeTest(async (mock) => {
        expect(await kiosk(mock.url).customers.register({ name: 'Customer ABC', smsNumber: '555-555-1212' })).toEqual({ id: CUSTOMER });
      });
  });

  it('is refused a registration without a name (400)', async () => {
    await contract.pact
      .addInteraction()
      .uponReceiving('a request to register a customer without a name')
      .withRequest('POST', '/api/customers', (b) => b.headers(JSON_REQUEST).jsonBody({ name: '', smsNumber: '555-555-1212' }))
      .willRespondWith(400, (b) => b.jsonBody({ code: 3, message: 'the customer name cannot be blank' }))
      .executeTest(async (mock) => {
        await expect(kiosk(mock.url).customers.register({ name: '', smsNumber: '555-555-1212' })).rejects.toMatchObject({
          status: 400,
          code: 3,
          message: 'the customer name cannot be blank',
        });
      });
  });

  it('gets a customer', async () => {
    await contract.pact
      .addInteraction()
      .given('a customer exists', { id: CUSTOMER, name: 'Customer ABC', smsNumber: '555-555-1212', enabled: true })
      .uponReceiving('a request for a customer')
      .withRequest('GET', `/api/customers/${CUSTOMER}`, (b) => b.headers(ACCEPT_JSON))
      .willRespondWith(200, (b) => b.jsonBody({ customer: { id: CUSTOMER, name: like('Customer ABC'), smsNumber: like('555-555-1212'), enabled: boolean(true) } }))
      .executeTest(async (mock) => {
        expect(await kiosk(mock.url).customers.get(CUSTOMER)).toEqual({ id: CUSTOMER, name: 'Customer ABC', smsNumber: '555-555-1212', enabled: true });
      });
  });

  it('sees that a customer is disabled (and so cannot order)', async () => {
    await contract.pact
      .addInteraction()
      .given('a customer exists', { id: CUSTOMER, name: 'Customer ABC', smsNumber: '555-555-1212', enabled: false })
      .uponReceiving('a request for a disabled customer')
      .withRequest('GET', `/api/customers/${CUSTOMER}`, (b) => b.headers(ACCEPT_JSON))
      .willRespondWith(200, (b) => b.jsonBody({ customer: { id: CUSTOMER, name: like('Customer ABC'), smsNumber: like('555-555-1212'), enabled: false } }))
      .executeTest(async (mock) => {
        expect(await kiosk(mock.url).customers.get(CUSTOMER)).toMatchObject({ id: CUSTOMER, enabled: false });
      });
  });

  it('is told that an unknown customer does not exist (404)', async () => {
    await contract.pact
      .addInteraction()
      .uponReceiving('a request for a customer that does not exist')
      .withRequest('GET', `/api/customers/${UNKNOWN_CUSTOMER}`, (b) => b.headers(ACCEPT_JSON))
      .willRespondWith(404, (b) => b.jsonBody({ code: 5, message: like(`customer ${UNKNOWN_CUSTOMER} not found`) }))
      .executeTest(async (mock) => {
        await expect(kiosk(mock.url).customers.get(UNKNOWN_CUSTOMER)).rejects.toMatchObject({ status: 404, code: 5, isNotFound: true });
      });
  });
});
