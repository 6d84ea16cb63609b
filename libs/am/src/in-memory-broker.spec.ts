import { describe, expect, it } from '@jest/globals';
import { newId } from '@mallbots/ddd';
import { eventually } from '@mallbots/testing';
import { InMemoryBroker } from './in-memory-broker.js';
import { InMemoryDeadLetterStore } from './in-memory-dead-letter-store.js';
import { Header, type IncomingMessage, type Message } from './message.js';
import { brokerMessageId } from './replay.js';

const message = (subject: string): Message => ({ id: newId(), name: 'test.Happened', subject, payload: new Uint8Array([1]), headers: {}, occurredAt: new Date() });

// Behaviour specific to the in-memory broker; the shared semantics are in the broker contract (in-memory.spec.ts).
describe('InMemoryBroker', () => {
  it('refuses to bind a group to a second subject, as a JetStream durable would', async () => {
    const broker = new InMemoryBroker({ deadLetters: new InMemoryDeadLetterStore() });
    const subscription = await broker.subscribe({ subject: 'a.one', group: 'g' }, async () => undefined);
    await expect(broker.subscribe({ subject: 'a.two', group: 'g' }, async () => undefined)).rejects.toThrow('group g already consumes a.one');
    await subscription.drain();
  });

  it('matches NATS wildcards in the subscribed subject', async () => {
    const broker = new InMemoryBroker({ deadLetters: new InMemoryDeadLetterStore() });
    const received: string[] = [];
    const subscription = await broker.subscribe({ subject: 'mallbots.*.events.>', group: 'g' }, async (m) => void received.push(m.subject));
    await broker.publish([message('mallbots.stores.events.Store'), message('mallbots.stores.commands'), message('mallbots.depot.events.ShoppingList.x')]);
    await eventually(() => received.length === 2);
    expect(received).toEqual(['mallbots.stores.events.Store', 'mallbots.depot.events.ShoppingList.x']);
    await subscription.drain();
  });

  it('keeps a message whose dead letter could not be stored, and dead-letters it on a later delivery', async () => {
    const deadLetters = new InMemoryDeadLetterStore();
    const store = deadLetters.deadLetter.bind(deadLetters);
    let storeFailures = 1;
    deadLetters.deadLetter = async (consumer, m, error) => {
      if (storeFailures-- > 0) throw new Error('database down');
      return store(consumer, m, error);
    };
    const broker = new InMemoryBroker({ deadLetters });
    const attempts: number[] = [];
    const sent = message('s');
    const subscription = await broker.subscribe({ subject: 's', group: 'g', maxDeliver: 1, backoffMs: [5] }, async (m: IncomingMessage) => {
      attempts.push(m.deliveryAttempt);
      throw new Error('bug');
    });
    await broker.publish([sent]);
    const deadLetter = await eventually(() => deadLetters.get('g', sent.id));
    // As on JetStream, the handler does not run again past maxDeliver: the redelivery only stores the dead letter.
    expect(attempts).toEqual([1]);
    expect(deadLetter?.errors.map((e) => e.attempt)).toEqual([2]);
    await subscription.drain();
  });

  it('accepts the same id again once the de-duplication window has passed', async () => {
    const broker = new InMemoryBroker({ deadLetters: new InMemoryDeadLetterStore(), dedupWindowMs: 0 });
    const sent = message('s');
    await broker.publish([sent]);
    await broker.publish([sent]);
    const received: string[] = [];
    const subscription = await broker.subscribe({ subject: 's', group: 'g' }, async (m) => void received.push(m.id));
    await eventually(() => received.length === 2);
    await subscription.drain();
  });
});

describe('brokerMessageId', () => {
  it('is the message id, or a distinct id per replay', () => {
    const sent = message('s');
    expect(brokerMessageId(sent)).toBe(sent.id);
    expect(brokerMessageId({ ...sent, headers: { [Header.Replay]: 'tok' } })).toBe(`${sent.id}:replay:tok`);
  });
});
