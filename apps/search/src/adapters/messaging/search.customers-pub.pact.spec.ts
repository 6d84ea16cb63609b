// Contract search-sub → customers-pub: CustomerRegistered, from which search caches customer names and names the
// orders it projected while the customer was unknown. The message is decoded with search's own codecs and handled
// by the real consumer, into the in-memory name cache and a read model that records what it is told.
import { pactEvent } from '@mallbots/am/testing';
import { consumerContract } from '@mallbots/testing/pact';
import { MatchersV3 } from '@pact-foundation/pact';
import type { OrderReadModel } from '../../application/ports/order-read-model.port.js';
import { FakeNameCache } from '../../application/testing/fakes.js';
import { CustomerEventsConsumer } from './customer-events.consumer.js';
import { SearchChannel, SearchMessage, searchRegistry } from './search.messages.js';

const { uuid } = MatchersV3;

/** A string with something in it: proto3 decodes a field the provider left out as "", which `like` would accept. */
const nonBlank = (example: string) => MatchersV3.regex(/.*\S.*/, example);

// Customers generates the id (a UUID).
const CUSTOMER_ID = '3c2b1a09-8f7e-4d6c-9b5a-4f3e2d1c0b92';

describe('search-sub ← customers-pub (message pact)', () => {
  const contract = consumerContract('search-sub', 'customers-pub');
  const registry = searchRegistry();

  afterAll(() => contract.expectCommitted());

  it('caches the name of a registered customer and names the orders waiting for it, from CustomerRegistered', () =>
    contract.pact
      .addAsynchronousInteraction()
      .expectsToReceive('a CustomerRegistered message', (b) =>
        b
          .withJSONContent({ id: uuid(CUSTOMER_ID), name: nonBlank('Customer ABC'), smsNumber: nonBlank('555-555-1212') })
          .withMetadata({ subject: SearchChannel.Customers, name: SearchMessage.CustomerRegistered }),
      )
      .executeTest(async (message) => {
        const customers = new FakeNameCache();
        const named: Array<[string, string]> = [];
        const unused = () => Promise.reject(new Error('not used by CustomerRegistered'));
        const orders: OrderReadModel = {
          customerNamed: async (id, name) => void named.push([id, name]),
          created: unused,
          statusChanged: unused,
          find: unused,
          search: unused,
        };

        await new CustomerEventsConsumer(customers, orders).customerRegistered(pactEvent(registry, message));

        expect(await customers.findName(CUSTOMER_ID)).toBe('Customer ABC');
        expect(named).toEqual([[CUSTOMER_ID, 'Customer ABC']]);
      }));
});
