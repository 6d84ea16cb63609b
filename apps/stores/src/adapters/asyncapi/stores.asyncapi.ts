import { StoresChannel, StoresMessage } from '../messaging/stores.messages.js';

// The asynchronous API of the stores context as an AsyncAPI 2.6 document (the reference served one at
// /stores-asyncapi/, requirements 2.9). Built from the same channel and name constants the publisher uses, so the
// document cannot drift from the code on names; the payload schemas mirror proto/stores/v1/events.proto.

const id = { type: 'string', description: 'The store or product id (a UUID)' };
const schema = (properties: Record<string, object>) => ({ type: 'object', required: Object.keys(properties), properties });
const decimal = (description: string) => ({ type: 'number', format: 'double', description });

const messages = {
  [StoresMessage.StoreCreated]: { summary: 'A store was created (not participating yet).', payload: schema({ id, name: { type: 'string' }, location: { type: 'string' } }) },
  [StoresMessage.StoreParticipatingToggled]: {
    summary: 'A store started or stopped taking part in the kiosk; sent for both enable and disable.',
    payload: schema({ id, participating: { type: 'boolean' } }),
  },
  [StoresMessage.StoreRebranded]: { summary: 'A store changed its name.', payload: schema({ id, name: { type: 'string' } }) },
  [StoresMessage.ProductAdded]: {
    summary: 'A product was added to a store’s catalog.',
    payload: schema({ id, storeId: { type: 'string' }, name: { type: 'string' }, description: { type: 'string' }, sku: { type: 'string' }, price: decimal('Price in currency units, at most two decimal places') }),
  },
  [StoresMessage.ProductRebranded]: { summary: 'A product changed its name and description.', payload: schema({ id, name: { type: 'string' }, description: { type: 'string' } }) },
  [StoresMessage.ProductPriceIncreased]: {
    summary: 'A product became more expensive; add delta (> 0) to the price you hold.',
    payload: schema({ id, delta: decimal('The signed change in currency units') }),
  },
  [StoresMessage.ProductPriceDecreased]: {
    summary: 'A product became cheaper; add delta (< 0) to the price you hold.',
    payload: schema({ id, delta: decimal('The signed change in currency units') }),
  },
  [StoresMessage.ProductRemoved]: { summary: 'A product is no longer on sale.', payload: schema({ id }) },
};

const onChannel = (names: readonly string[]) => ({
  subscribe: {
    summary: 'Published by stores through its outbox (at least once; de-duplicate on the message id).',
    message: { oneOf: names.map((name) => ({ $ref: `#/components/messages/${name}` })) },
  },
});

export const storesAsyncApi = {
  asyncapi: '2.6.0',
  info: {
    title: 'Store Management events',
    version: '1.0.0',
    description:
      'Integration events of the stores context on the `mallbots` JetStream stream. Each NATS message body is a ' +
      'StreamMessage envelope {id, name, data, metadata, sent_at}; `name` is the message name below and the ' +
      'payload is the protobuf encoding of storespb.<type> (proto/stores/v1/events.proto).',
  },
  defaultContentType: 'application/x-protobuf',
  channels: {
    [StoresChannel.Store]: onChannel([StoresMessage.StoreCreated, StoresMessage.StoreParticipatingToggled, StoresMessage.StoreRebranded]),
    [StoresChannel.Product]: onChannel([
      StoresMessage.ProductAdded,
      StoresMessage.ProductRebranded,
      StoresMessage.ProductPriceIncreased,
      StoresMessage.ProductPriceDecreased,
      StoresMessage.ProductRemoved,
    ]),
  },
  components: { messages: Object.fromEntries(Object.entries(messages).map(([name, m]) => [name, { name, ...m }])) },
} as const;
