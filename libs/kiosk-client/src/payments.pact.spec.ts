// Consumer contract kiosk → payments-api: the card pre-authorization before checkout and the invoice the customer
// reviews and pays at the depot, each interaction run through the real client against Pact's mock server.
// Verified by apps/payments/src/adapters/rest/payments.http.pact.spec.ts.
import { MatchersV3 } from '@pact-foundation/pact';
import { consumerContract } from '@mallbots/testing/pact';
import { KioskClient } from './index.js';

const { like, uuid } = MatchersV3;

const contract = consumerContract('kiosk', 'payments-api');
afterAll(() => contract.expectCommitted());

const CUSTOMER = '5b0f6d5e-2c4a-4d6e-9a51-7c1e0b3d2a01';
const PAYMENT = 'a9c7e5d3-b1f2-4e0d-8c6a-4b2e0f8d6a05';
const OPERATION = '6c7d8e9f-0a1b-4c2d-8e3f-4a5b6c7d8e10';
// An invoice's id is its order's, which is the basket's.
const INVOICE = 'f4b2d6e8-0a1c-4e3f-9b5d-7f9a1c3e5b04';
const UNKNOWN_INVOICE = '4c5d6e7f-8091-4a23-9c3d-4e5f6a7b8c11';

const JSON_REQUEST = { Accept: 'application/json', 'Content-Type': 'application/json' };
const ACCEPT_JSON = { Accept: 'application/json' };

const anInvoice = (status: 'pending' | 'paid' | 'canceled') =>
  ['an invoice exists', { id: INVOICE, orderId: INVOICE, paymentId: PAYMENT, amount: 19.98, status }] as const;

const kiosk = (url: string) => new KioskClient({ baseUrl: url, timeoutMs: 5_000 });

describe('kiosk → payments-api', () => {
  it('authorizes a payment and gets its id', async () => {
    await contract.pact
      .addInteraction()
      .uponReceiving('a request to authorize a payment')
      .withRequest('POST', '/api/payments', (b) => b.headers(JSON_REQUEST).jsonBody({ customerId: CUSTOMER, amount: 19.98 }))
      .willRespondWith(200, (b) => b.jsonBody({ id: uuid(PAYMENT) }))
      .executeTest(async (mock) => {
        expect(await kiosk(mock.url).payments.authorize({ customerId: CUSTOMER, amount: 19.98 })).toEqual({ id: PAYMENT });
      });
  });

  it('authorizes under the kiosk’s own operation id, so a retry cannot authorize twice', async () => {
    await contract.pact
      .addInteraction()
      .uponReceiving('a request to authorize a payment with an operation id')
      .withRequest('POST', '/api/payments', (b) => b.headers(JSON_REQUEST).jsonBody({ customerId: CUSTOMER, amount: 19.98, id: OPERATION }))
      .willRespondWith(200, (b) => b.jsonBody({ id: OPERATION }))
      .executeTest(async (mock) => {
        expect(await kiosk(mock.url).payments.authorize({ customerId: CUSTOMER, amount: 19.98, id: OPERATION })).toEqual({ id: OPERATION });
      });
  });

  it('is refused an authorization of nothing (400)', async () => {
    await contract.pact
      .addInteraction()
      .uponReceiving('a request to authorize a payment of zero')
      .withRequest('POST', '/api/payments', (b) => b.headers(JSON_REQUEST).jsonBody({ customerId: CUSTOMER, amount: 0 }))
      .willRespondWith(400, (b) => b.jsonBody({ code: 3, message: 'the payment amount must be greater than zero' }))
      .executeTest(async (mock) => {
        await expect(kiosk(mock.url).payments.authorize({ customerId: CUSTOMER, amount: 0 })).rejects.toMatchObject({
          status: 400,
          code: 3,
          message: 'the payment amount must be greater than zero',
        });
      });
  });

  it('gets an invoice to review before paying', async () => {
    await contract.pact
      .addInteraction()
      .given(...anInvoice('pending'))
      .uponReceiving('a request for an invoice')
      .withRequest('GET', `/api/payments/invoices/${INVOICE}`, (b) => b.headers(ACCEPT_JSON))
      .willRespondWith(200, (b) => b.jsonBody({ invoice: { id: INVOICE, orderId: like(INVOICE), paymentId: like(PAYMENT), amount: like(19.98), status: 'pending' } }))
      .executeTest(async (mock) => {
        expect(await kiosk(mock.url).payments.invoice(INVOICE)).toEqual({ id: INVOICE, orderId: INVOICE, paymentId: PAYMENT, amount: 19.98, status: 'pending' });
      });
  });

  it('is told that an unknown invoice does not exist (404)', async () => {
    await contract.pact
      .addInteraction()
      .uponReceiving('a request for an invoice that does not exist')
      .withRequest('GET', `/api/payments/invoices/${UNKNOWN_INVOICE}`, (b) => b.headers(ACCEPT_JSON))
      .willRespondWith(404, (b) => b.jsonBody({ code: 5, message: like('invoice not found') }))
      .executeTest(async (mock) => {
        await expect(kiosk(mock.url).payments.invoice(UNKNOWN_INVOICE)).rejects.toMatchObject({ status: 404, code: 5, isNotFound: true });
      });
  });

  it('pays a pending invoice', async () => {
    await contract.pact
      .addInteraction()
      .given(...anInvoice('pending'))
      .uponReceiving('a request to pay an invoice')
      .withRequest('PUT', `/api/payments/invoices/${INVOICE}/pay`, (b) => b.headers(JSON_REQUEST).jsonBody({}))
      .willRespondWith(200, (b) => b.jsonBody({}))
      .executeTest(async (mock) => {
        await expect(kiosk(mock.url).payments.payInvoice(INVOICE)).resolves.toBeUndefined();
      });
  });

  it('is refused the payment of a canceled invoice with the reference’s message (400)', async () => {
    await contract.pact
      .addInteraction()
      .given(...anInvoice('canceled'))
      .uponReceiving('a request to pay a canceled invoice')
      .withRequest('PUT', `/api/payments/invoices/${INVOICE}/pay`, (b) => b.headers(JSON_REQUEST).jsonBody({}))
      .willRespondWith(400, (b) => b.jsonBody({ code: 3, message: 'invoice cannot be paid for' }))
      .executeTest(async (mock) => {
        await expect(kiosk(mock.url).payments.payInvoice(INVOICE)).rejects.toMatchObject({ status: 400, code: 3, message: 'invoice cannot be paid for' });
      });
  });
});
