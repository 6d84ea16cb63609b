import { randomUUID } from 'node:crypto';
import { eventually, natsUrl, uniqueNamespace } from '@mallbots/testing';
import { InMemoryDeadLetterStore } from '../in-memory-dead-letter-store.js';
import type { IncomingMessage, Message } from '../message.js';
import type { MessageHandler, Subscription, SubscriptionOptions } from '../ports.js';
import { connectJetStream, type JetStreamConnection } from './jetstream-connection.js';
import { JetStreamPublisher } from './jetstream-publisher.js';
import { JetStreamSubscriber } from './jetstream-subscriber.js';
import type { AdapterLogger } from './logger.js';
import { ensureStream } from './stream-setup.js';

const ns = uniqueNamespace('sub');
const stream = ns;
let connection: JetStreamConnection;
let publisher: JetStreamPublisher;
let deadLetters: InMemoryDeadLetterStore;
let subscriber: JetStreamSubscriber;
let subscriptions: Subscription[];
let logged: string[];
const logger: AdapterLogger = { warn: (_c, m) => logged.push(m), error: (_c, m) => logged.push(m) };

beforeAll(async () => {
  connection = await connectJetStream({ servers: natsUrl(), name: ns });
  await ensureStream(connection.jsm, { name: stream, subjectPrefix: ns });
  publisher = new JetStreamPublisher(connection, { stream });
});

afterAll(async () => {
  await connection.jsm.streams.delete(stream);
  await connection.close();
});

beforeEach(() => {
  deadLetters = new InMemoryDeadLetterStore();
  subscriber = new JetStreamSubscriber({ connection, stream, deadLetters, logger });
  subscriptions = [];
  logged = [];
});

afterEach(async () => {
  await Promise.all(subscriptions.map((s) => s.drain()));
});

/** A subject and group of its own per test, so tests do not see each other's messages. */
function channel(): { subject: string; group: string } {
  const token = Math.random().toString(36).slice(2, 8);
  return { subject: `${ns}.events.${token}`, group: `group-${token}` };
}

function message(subject: string, name = 'testapi.Happened', headers: Record<string, string> = {}): Message {
  return { id: randomUUID(), name, subject, payload: new Uint8Array([1, 2, 3]), headers, occurredAt: new Date('2024-05-01T10:00:00Z') };
}

async function subscribe(options: SubscriptionOptions, handler: MessageHandler): Promise<Subscription> {
  const subscription = await subscriber.subscribe(options, handler);
  subscriptions.push(subscription);
  return subscription;
}

async function consumerInfo(group: string) {
  return connection.jsm.consumers.info(stream, group);
}

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

describe('JetStreamSubscriber', () => {
  it('delivers every field of a published message', async () => {
    const { subject, group } = channel();
    const received: IncomingMessage[] = [];
    await subscribe({ subject, group }, async (m) => void received.push(m));
    const sent = message(subject, 'testapi.Happened', { 'correlation-id': 'c-1', COMMAND_SAGA_ID: 's-1' });
    await publisher.publish([sent]);

    await eventually(() => received.length === 1);
    const got = received[0];
    expect(got).toMatchObject({ id: sent.id, name: sent.name, subject, headers: sent.headers, occurredAt: sent.occurredAt, deliveryAttempt: 1, consumer: group });
    expect(Array.from(got!.payload)).toEqual([1, 2, 3]);
    expect(got!.sentAt).toBeInstanceOf(Date);
    expect(got!.receivedAt.getTime()).toBeGreaterThanOrEqual(got!.sentAt!.getTime());
  });

  it('lets the subscriptions of one group compete, and gives each group every message', async () => {
    const { subject, group } = channel();
    const competing: [string[], string[]] = [[], []];
    const otherGroup: string[] = [];
    // Slow enough handlers that both competing subscriptions have pull requests waiting.
    const handleWith = (seen: string[]) => async (m: IncomingMessage) => {
      seen.push(m.id);
      await new Promise((r) => setTimeout(r, 5));
    };
    await subscribe({ subject, group, concurrency: 2 }, handleWith(competing[0]));
    await subscribe({ subject, group, concurrency: 2 }, handleWith(competing[1]));
    await subscribe({ subject, group: `${group}-other` }, handleWith(otherGroup));
    const sent = Array.from({ length: 30 }, () => message(subject));
    await publisher.publish(sent);

    const ids = sent.map((m) => m.id).sort();
    await eventually(() => competing[0].length + competing[1].length === 30 && otherGroup.length === 30);
    expect([...competing[0], ...competing[1]].sort()).toEqual(ids);
    expect(competing[0].length).toBeGreaterThan(0);
    expect(competing[1].length).toBeGreaterThan(0);
    expect([...otherGroup].sort()).toEqual(ids);
  });

  it('acks and skips messages whose name is not in the filter', async () => {
    const { subject, group } = channel();
    const received: string[] = [];
    await subscribe({ subject, group, filter: ['testapi.Wanted'] }, async (m) => void received.push(m.name));
    await publisher.publish([message(subject, 'testapi.Unwanted'), message(subject, 'testapi.Wanted')]);

    await eventually(async () => (await consumerInfo(group)).num_ack_pending === 0 && (await consumerInfo(group)).num_pending === 0);
    expect(received).toEqual(['testapi.Wanted']);
    expect(await deadLetters.count()).toBe(0);
  });

  it('redelivers a failed message after the configured backoff and records each failure', async () => {
    const { subject, group } = channel();
    const backoffMs = [150, 300];
    const attempts: { attempt: number; at: number }[] = [];
    const recorded: number[] = [];
    const record = deadLetters.recordFailure.bind(deadLetters);
    deadLetters.recordFailure = async (consumer, m, error) => {
      recorded.push(m.deliveryAttempt);
      await record(consumer, m, error);
    };
    await subscribe({ subject, group, backoffMs, maxDeliver: 5 }, async (m) => {
      attempts.push({ attempt: m.deliveryAttempt, at: performance.now() });
      if (m.deliveryAttempt < 3) throw new Error(`transient ${m.deliveryAttempt}`);
    });
    await publisher.publish([message(subject)]);

    await eventually(async () => attempts.length === 3 && (await consumerInfo(group)).num_ack_pending === 0);
    expect(attempts.map((a) => a.attempt)).toEqual([1, 2, 3]);
    expect(recorded).toEqual([1, 2]);
    expect(attempts[1]!.at - attempts[0]!.at).toBeGreaterThanOrEqual(backoffMs[0]! - 2);
    expect(attempts[2]!.at - attempts[1]!.at).toBeGreaterThanOrEqual(backoffMs[1]! - 2);
    expect(await deadLetters.count()).toBe(0);
  });

  it('dead-letters a message that fails on every delivery, keeps its history, and keeps consuming', async () => {
    const { subject, group } = channel();
    const poison = message(subject, 'testapi.Poison', { 'correlation-id': 'c-9' });
    const handled: string[] = [];
    let poisonDeliveries = 0;
    await subscribe({ subject, group, maxDeliver: 3, backoffMs: [20, 40] }, async (m) => {
      if (m.id === poison.id) {
        poisonDeliveries++;
        throw new Error(`boom ${m.deliveryAttempt}`);
      }
      handled.push(m.id);
    });
    const later = message(subject);
    await publisher.publish([poison, later]);

    await eventually(() => handled.includes(later.id));
    const deadLetter = await deadLetters.get(group, poison.id);
    expect(deadLetter).toBeDefined();
    expect(deadLetter!.message).toMatchObject({ id: poison.id, name: poison.name, headers: poison.headers, subject });
    expect(deadLetter!.errors.map((e) => [e.attempt, e.error])).toEqual([
      [1, 'Error: boom 1'],
      [2, 'Error: boom 2'],
      [3, 'Error: boom 3'],
    ]);
    expect(poisonDeliveries).toBe(3);
    const info = await consumerInfo(group);
    expect(info.num_ack_pending).toBe(0);
    expect(info.num_redelivered).toBe(0);
  });

  it('nacks instead of acking when the dead letter cannot be stored, and dead-letters it on a later delivery', async () => {
    const { subject, group } = channel();
    let failStore = true;
    const store = deadLetters.deadLetter.bind(deadLetters);
    deadLetters.deadLetter = async (consumer, m, error) => {
      if (failStore) {
        failStore = false;
        throw new Error('database down');
      }
      return store(consumer, m, error);
    };
    let deliveries = 0;
    await subscribe({ subject, group, maxDeliver: 1, backoffMs: [30] }, async () => {
      deliveries++;
      throw new Error('always');
    });
    const poison = message(subject);
    await publisher.publish([poison]);

    const deadLetter = (await eventually(() => deadLetters.get(group, poison.id)))!;
    expect(deadLetter.errors.map((e) => e.attempt)).toEqual([2]);
    expect(deadLetter.errors[0]!.error).toMatch(/not handled after 1 deliveries/);
    // The handler ran once only: the redelivery after the failed store went straight to the dead-letter store.
    expect(deliveries).toBe(1);
    expect(logged).toContain('could not store dead letter; message will be redelivered');
  });

  it('dead-letters an undecodable body at once and keeps consuming', async () => {
    const { subject, group } = channel();
    const handled: string[] = [];
    await subscribe({ subject, group, maxDeliver: 5 }, async (m) => void handled.push(m.id));
    await connection.js.publish(subject, new Uint8Array([0xff, 0xff, 0xff, 0x01]), { msgID: 'garbage-1' });
    const later = message(subject);
    await publisher.publish([later]);

    await eventually(() => handled.includes(later.id));
    const [deadLetter] = await deadLetters.list({ consumer: group });
    expect(deadLetter).toMatchObject({ id: 'garbage-1', consumer: group });
    expect(Array.from(deadLetter!.message.payload)).toEqual([0xff, 0xff, 0xff, 0x01]);
    expect(deadLetter!.errors).toHaveLength(1);
    expect(deadLetter!.errors[0]!.error).toMatch(/undecodable/);
    expect(handled).toEqual([later.id]);
  });

  it('keeps a handler slower than ackWait from being redelivered while it runs', async () => {
    const { subject, group } = channel();
    const attempts: number[] = [];
    await subscribe({ subject, group, ackWaitMs: 300 }, async (m) => {
      attempts.push(m.deliveryAttempt);
      await new Promise((r) => setTimeout(r, 1_200)); // four times ackWait
    });
    await publisher.publish([message(subject)]);

    await eventually(async () => attempts.length === 1 && (await consumerInfo(group)).num_ack_pending === 0, { timeoutMs: 5_000 });
    expect(attempts).toEqual([1]);
    expect((await consumerInfo(group)).num_redelivered).toBe(0);
  });

  it('stops extending the ack deadline of a handler that hangs past maxHandlingMs, so the message is redelivered', async () => {
    const { subject, group } = channel();
    const attempts: number[] = [];
    const hang = deferred();
    await subscribe({ subject, group, ackWaitMs: 300, maxHandlingMs: 600, concurrency: 2 }, async (m) => {
      attempts.push(m.deliveryAttempt);
      if (m.deliveryAttempt === 1) await hang.promise; // never settles until the test ends
    });
    await publisher.publish([message(subject)]);

    await eventually(() => attempts.length === 2, { timeoutMs: 5_000 });
    expect(attempts).toEqual([1, 2]);
    expect(logged).toContain('handler still running after maxHandlingMs; the message will be redelivered');
    hang.resolve();
  });

  it('re-creates a deleted durable consumer and keeps consuming', async () => {
    const { subject, group } = channel();
    const handled: string[] = [];
    await subscribe({ subject, group }, async (m) => void handled.push(m.id));
    const before = message(subject);
    await publisher.publish([before]);
    await eventually(() => handled.length === 1);

    await connection.jsm.consumers.delete(stream, group);
    await eventually(() => logged.includes('consume loop reopened'), { timeoutMs: 10_000 });
    const after = message(subject);
    await publisher.publish([after]);

    // The re-created consumer starts from the stream's beginning (DeliverPolicy.All): `before` comes again and is
    // handled again here; in services the inbox skips it as a duplicate.
    await eventually(() => handled.includes(after.id), { timeoutMs: 10_000 });
    expect((await consumerInfo(group)).config.durable_name).toBe(group);
  });

  it('drain waits for the handler in flight and its ack', async () => {
    const { subject, group } = channel();
    const started = deferred();
    const release = deferred();
    const events: string[] = [];
    const subscription = await subscriber.subscribe({ subject, group }, async () => {
      started.resolve();
      await release.promise;
      events.push('handler done');
    });
    await publisher.publish([message(subject)]);
    await started.promise;

    const drained = subscription.drain().then(() => events.push('drained'));
    await eventually(async () => (await consumerInfo(group)).num_ack_pending === 1);
    expect(events).toEqual([]);
    release.resolve();
    await drained;

    expect(events).toEqual(['handler done', 'drained']);
    expect((await consumerInfo(group)).num_ack_pending).toBe(0);
  });

  it('runs up to `concurrency` handlers at once and no more', async () => {
    const { subject, group } = channel();
    let active = 0;
    let maxActive = 0;
    const release = deferred();
    const done: string[] = [];
    await subscribe({ subject, group, concurrency: 3 }, async (m) => {
      active++;
      maxActive = Math.max(maxActive, active);
      await release.promise;
      active--;
      done.push(m.id);
    });
    await publisher.publish(Array.from({ length: 7 }, () => message(subject)));

    await eventually(() => active === 3);
    expect((await consumerInfo(group)).num_ack_pending).toBe(3);
    release.resolve();
    await eventually(() => done.length === 7);
    expect(maxActive).toBe(3);
  });

  it('rejects subscribe when the consumer cannot be created', async () => {
    const { subject } = channel();
    await expect(subscriber.subscribe({ subject, group: 'bad.group' }, async () => undefined)).rejects.toThrow();
    const missingStream = new JetStreamSubscriber({ connection, stream: `${ns}_missing`, deadLetters, logger });
    await expect(missingStream.subscribe({ subject, group: 'g' }, async () => undefined)).rejects.toThrow(/stream not found/i);
  });
});
