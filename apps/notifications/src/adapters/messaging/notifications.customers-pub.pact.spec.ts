// Contract notifications-sub → customers-pub: the Customers events notifications keeps its customer cache from
// (whom to text, at which number, whether they may be texted). Each interaction's message is decoded with
// notifications' own codecs and handled by the real consumer and projector, into the in-memory cache.
import { pactEvent } from '@mallbots/am/testing';
import { consumerContract } from '@mallbots/testing/pact';
import { MatchersV3 } from '@pact-foundation/pact';
import { CustomerCacheProjector } from '../../application/customer-cache/customer-cache.projector.js';
import { InMemoryCustomerCache } from '../../application/testing/in-memory.js';
import { CustomerEventsConsumer } from './customer-events.consumer.js';
import { CustomersChannel, CustomersMessage, notificationsRegistry } from './notifications.messages.js';

const { uuid } = MatchersV3;

/** A string with something in it: proto3 decodes a field the provider left out as "", which `like` would accept. */
const nonBlank = (example: string) => MatchersV3.regex(/.*\S.*/, example);

// Customers generates the id (a UUID); the provider states seed a customer under it.
const CUSTOMER_ID = '3c2b1a09-8f7e-4d6c-9b5a-4f3e2d1c0b92';
const CUSTOMER_STATE = { id: CUSTOMER_ID, name: 'Customer ABC', smsNumber: '555-555-1212' };
const metadata = (name: string) => ({ subject: CustomersChannel.Events, name });

describe('notifications-sub ← customers-pub (message pact)', () => {
  const contract = consumerContract('notifications-sub', 'customers-pub');
  const registry = notificationsRegistry();
  let cache: InMemoryCustomerCache;
  let projector: CustomerCacheProjector;
  let consumer: CustomerEventsConsumer;
  const cached = () => cache.rows.get(CUSTOMER_ID)?.customer.state;

  /** The cache as the state's earlier events left it (long before the message under test). */
  const givenCustomer = async (enabled: boolean) => {
    await projector.registered(CUSTOMER_STATE, new Date(0));
    if (!enabled) await projector.enabledChanged(CUSTOMER_ID, false, new Date(1000));
  };

  beforeEach(() => {
    cache = new InMemoryCustomerCache();
    projector = new CustomerCacheProjector(cache);
    consumer = new CustomerEventsConsumer(projector);
  });

  afterAll(() => contract.expectCommitted());

  it('caches a registered customer, enabled, from CustomerRegistered', () =>
    contract.pact
      .addAsynchronousInteraction()
      .expectsToReceive('a CustomerRegistered message', (b) =>
        b
          .withJSONContent({ id: uuid(CUSTOMER_ID), name: nonBlank('Customer ABC'), smsNumber: nonBlank('555-555-1212') })
          .withMetadata(metadata(CustomersMessage.CustomerRegistered)),
      )
      .executeTest(async (message) => {
        await consumer.registered(pactEvent(registry, message));
        expect(cached()).toMatchObject({ id: CUSTOMER_ID, name: 'Customer ABC', smsNumber: '555-555-1212', enabled: true });
      }));

  it('keeps the new number from CustomerSmsChanged', () =>
    contract.pact
      .addAsynchronousInteraction()
      .given('a customer exists', CUSTOMER_STATE)
      .expectsToReceive('a CustomerSmsChanged message', (b) =>
        b.withJSONContent({ id: uuid(CUSTOMER_ID), smsNumber: nonBlank('555-555-1313') }).withMetadata(metadata(CustomersMessage.CustomerSmsChanged)),
      )
      .executeTest(async (message) => {
        await givenCustomer(true);
        await consumer.smsChanged(pactEvent(registry, message));
        expect(cached()).toMatchObject({ name: 'Customer ABC', smsNumber: '555-555-1313', enabled: true });
      }));

  it('texts a customer again after CustomerEnabled', () =>
    contract.pact
      .addAsynchronousInteraction()
      .given('a disabled customer exists', CUSTOMER_STATE)
      .expectsToReceive('a CustomerEnabled message', (b) => b.withJSONContent({ id: uuid(CUSTOMER_ID) }).withMetadata(metadata(CustomersMessage.CustomerEnabled)))
      .executeTest(async (message) => {
        await givenCustomer(false);
        await consumer.enabled(pactEvent(registry, message));
        expect(cached()).toMatchObject({ smsNumber: '555-555-1212', enabled: true });
      }));

  it('stops texting a customer after CustomerDisabled', () =>
    contract.pact
      .addAsynchronousInteraction()
      .given('a customer exists', CUSTOMER_STATE)
      .expectsToReceive('a CustomerDisabled message', (b) => b.withJSONContent({ id: uuid(CUSTOMER_ID) }).withMetadata(metadata(CustomersMessage.CustomerDisabled)))
      .executeTest(async (message) => {
        await givenCustomer(true);
        await consumer.disabled(pactEvent(registry, message));
        expect(cached()).toMatchObject({ smsNumber: '555-555-1212', enabled: false });
      }));
});
