import { createEvent, EventDispatcher, MetadataKeys, Money } from '@mallbots/ddd';
import { RecordingPublisher } from '../../testing/stores.in-memory.js';
import { StoresIntegrationEvents } from './stores-integration-events.js';
import { storesRegistry } from './stores.messages.js';

describe('StoresIntegrationEvents', () => {
  const registry = storesRegistry();
  let dispatcher: EventDispatcher;
  let outbox: RecordingPublisher;
  const meta = (id: string) => ({ [MetadataKeys.AggregateName]: 'x', [MetadataKeys.AggregateId]: id, [MetadataKeys.AggregateVersion]: '1' });

  beforeEach(() => {
    dispatcher = new EventDispatcher();
    outbox = new RecordingPublisher();
    new StoresIntegrationEvents(dispatcher, outbox, registry).onModuleInit();
  });

  it.each<[string, unknown, string, string, unknown]>([
    ['stores.StoreCreated', { name: 'Mart', location: 'L1' }, 'mallbots.stores.events.Store', 'storesapi.StoreCreated', { id: 'agg-1', name: 'Mart', location: 'L1' }],
    ['stores.StoreParticipationEnabled', { participating: true }, 'mallbots.stores.events.Store', 'storesapi.StoreParticipatingToggled', { id: 'agg-1', participating: true }],
    ['stores.StoreParticipationDisabled', { participating: false }, 'mallbots.stores.events.Store', 'storesapi.StoreParticipatingToggled', { id: 'agg-1', participating: false }],
    ['stores.StoreRebranded', { name: 'Mega' }, 'mallbots.stores.events.Store', 'storesapi.StoreRebranded', { id: 'agg-1', name: 'Mega' }],
    [
      'stores.ProductAdded',
      { storeId: 's-1', name: 'Lamp', description: 'Bright', sku: 'L-1', price: Money.ofCents(1050) },
      'mallbots.stores.events.Product',
      'storesapi.ProductAdded',
      { id: 'agg-1', storeId: 's-1', name: 'Lamp', description: 'Bright', sku: 'L-1', price: 10.5 },
    ],
    ['stores.ProductRebranded', { name: 'Desk Lamp', description: '' }, 'mallbots.stores.events.Product', 'storesapi.ProductRebranded', { id: 'agg-1', name: 'Desk Lamp', description: '' }],
    ['stores.ProductPriceIncreased', { delta: Money.ofCents(251) }, 'mallbots.stores.events.Product', 'storesapi.ProductPriceIncreased', { id: 'agg-1', delta: 2.51 }],
    ['stores.ProductPriceDecreased', { delta: Money.ofCents(-225) }, 'mallbots.stores.events.Product', 'storesapi.ProductPriceDecreased', { id: 'agg-1', delta: -2.25 }],
    ['stores.ProductRemoved', {}, 'mallbots.stores.events.Product', 'storesapi.ProductRemoved', { id: 'agg-1' }],
  ])('maps %s to exactly one message on the right subject, with the event’s id and time', async (eventName, payload, subject, name, expected) => {
    const event = createEvent(eventName, payload, meta('agg-1'), new Date('2024-05-06T07:08:09Z'));
    await dispatcher.publish(event);
    expect(outbox.messages).toHaveLength(1);
    const [message] = outbox.messages;
    expect(message).toMatchObject({ id: event.id, subject, name, occurredAt: event.occurredAt });
    expect(registry.deserialize(message!.name, message!.payload)).toEqual(expected);
  });

  it('fails (rolling the command back) rather than publish an event without its aggregate id', async () => {
    await expect(dispatcher.publish(createEvent('stores.StoreRebranded', { name: 'Mega' }))).rejects.toThrow('carries no aggregate-id metadata');
    expect(outbox.messages).toEqual([]);
  });

  it('publishes nothing for events of other contexts', async () => {
    await dispatcher.publish(createEvent('baskets.BasketStarted', {}, meta('b-1')));
    expect(outbox.messages).toEqual([]);
  });
});
