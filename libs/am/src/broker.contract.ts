import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { newId } from '@mallbots/ddd';
import { eventually } from '@mallbots/testing';
import { MalformedMessageError } from './malformed-message.error.js';
import { Header, type IncomingMessage, type Message } from './message.js';
import {
  type DeadLetterStore,
  type MessageHandler,
  type MessagePublisher,
  type MessageSubscriber,
  PublishError,
  type Subscription,
  type SubscriptionOptions,
} from './ports.js';
import { replayDeadLetter } from './replay.js';

export interface BrokerFixture {
  readonly publisher: MessagePublisher;
  readonly subscriber: MessageSubscriber;
  /** The store the subscriber records failures and dead letters in. */
  readonly deadLetters: DeadLetterStore;
  /** Subjects `<subjectPrefix>.…` are captured by the broker; anything else is not (publishing there must fail). */
  readonly subjectPrefix: string;
  /** Stores `body` as it is (not an envelope) with the broker-level id `brokerId` (JetStream: Nats-Msg-Id). */
  publishRaw(subject: string, body: Uint8Array, brokerId: string): Promise<void>;
  teardown(): Promise<void>;
}

/** Fast failure handling for the tests: short backoff, three deliveries. */
const FAST_RETRY = { ackWaitMs: 2_000, maxDeliver: 3, backoffMs: [20] } satisfies Partial<SubscriptionOptions>;

/**
 * The delivery semantics every broker adapter must have (README "Failure semantics"): libs/am runs it against the
 * InMemoryBroker, the JetStream adapter against a real NATS server. Each test uses its own subjects and groups.
 */
export function describeBrokerContract(name: string, setup: () => Promise<BrokerFixture>): void {
  describe(`broker contract: ${name}`, () => {
    let fixture: BrokerFixture;
    let subscriptions: Subscription[];

    beforeEach(async () => {
      fixture = await setup();
      subscriptions = [];
    });

    afterEach(async () => {
      await Promise.all(subscriptions.map((s) => s.drain()));
      await fixture.teardown();
    });

    const subject = (channel = 'events'): string => `${fixture.subjectPrefix}.${channel}.${newId().slice(0, 8)}`;
    const group = (): string => `g-${newId().slice(0, 8)}`;
    const subscribe = async (options: SubscriptionOptions, handler: MessageHandler): Promise<Subscription> => {
      const subscription = await fixture.subscriber.subscribe(options, handler);
      subscriptions.push(subscription);
      return subscription;
    };
    const recorder = (): { received: IncomingMessage[]; handler: MessageHandler } => {
      const received: IncomingMessage[] = [];
      return { received, handler: async (m) => void received.push(m) };
    };
    const idsOf = (messages: readonly IncomingMessage[]): string[] => messages.map((m) => m.id);

    it('delivers a published message with its id, name, payload, headers and times intact', async () => {
      const to = subject();
      const sent = message(to, {
        payload: new Uint8Array([0, 1, 2, 127, 128, 254, 255]),
        headers: { [Header.CorrelationId]: 'corr-1', [Header.CausationId]: 'cause-1', COMMAND_SAGA_ID: 'saga-1', 'x-empty-ish': ' ' },
      });
      const before = Date.now();
      await fixture.publisher.publish([sent]);
      const g = group();
      const { received, handler } = recorder();
      await subscribe({ subject: to, group: g }, handler);

      await eventually(() => received.length === 1);
      const got = received[0];
      expect(got!.id).toBe(sent.id);
      expect(got!.name).toBe(sent.name);
      expect(got!.subject).toBe(to);
      expect(Array.from(got!.payload)).toEqual(Array.from(sent.payload));
      expect(got!.headers).toEqual(sent.headers);
      expect(got!.occurredAt.getTime()).toBe(sent.occurredAt.getTime());
      expect(got!.sentAt!.getTime()).toBeGreaterThanOrEqual(before - 1_000);
      expect(got!.receivedAt).toBeInstanceOf(Date);
      expect(got!.deliveryAttempt).toBe(1);
      expect(got!.consumer).toBe(g);
    });

    it('resolves publish once the message is accepted: a group created afterwards still receives it', async () => {
      const to = subject();
      const first = message(to);
      const second = message(to);
      await fixture.publisher.publish([first, second]);
      const { received, handler } = recorder();
      await subscribe({ subject: to, group: group() }, handler);
      await eventually(() => received.length === 2);
      expect(idsOf(received)).toEqual([first.id, second.id]);
    });

    it('rejects a publish the broker does not accept with a PublishError naming the message', async () => {
      const accepted = message(subject());
      const rejected = message(`nostream_${newId().slice(0, 8)}.events`);
      const error = await fixture.publisher.publish([accepted, rejected]).then(
        () => undefined,
        (err: unknown) => err,
      );
      expect(error).toBeInstanceOf(PublishError);
      expect((error as PublishError).failedIds).toEqual([rejected.id]);
    });

    it('delivers each message to every group, and once within a group of competing subscriptions', async () => {
      const to = subject();
      const [shared, alone] = [group(), group()];
      const a = recorder();
      const b = recorder();
      const c = recorder();
      await subscribe({ subject: to, group: shared }, a.handler);
      await subscribe({ subject: to, group: shared }, b.handler);
      await subscribe({ subject: to, group: alone }, c.handler);
      const sent = Array.from({ length: 8 }, () => message(to));
      await fixture.publisher.publish(sent);

      await eventually(() => a.received.length + b.received.length === sent.length && c.received.length === sent.length);
      expect([...idsOf(a.received), ...idsOf(b.received)].sort()).toEqual(sent.map((m) => m.id).sort());
      expect(idsOf(c.received)).toEqual(sent.map((m) => m.id));
      expect([...a.received, ...b.received].every((m) => m.consumer === shared)).toBe(true);
    });

    it('acks names outside the filter without calling the handler', async () => {
      const to = subject();
      const skipped = message(to, { name: 'test.Ignored' });
      const wanted = message(to, { name: 'test.Wanted' });
      await fixture.publisher.publish([skipped, wanted]);
      const g = group();
      const { received, handler } = recorder();
      await subscribe({ subject: to, group: g, filter: ['test.Wanted'], ...FAST_RETRY }, handler);

      await eventually(() => received.length === 1);
      expect(idsOf(received)).toEqual([wanted.id]);
      expect(await fixture.deadLetters.list({ consumer: g })).toEqual([]);
    });

    it('handles messages one at a time, in publish order, at the default concurrency of 1', async () => {
      const to = subject();
      const sent = Array.from({ length: 5 }, () => message(to));
      const events: string[] = [];
      await subscribe({ subject: to, group: group() }, async (m) => {
        events.push(`start ${m.id}`);
        await new Promise((resolve) => setImmediate(resolve));
        events.push(`end ${m.id}`);
      });
      await fixture.publisher.publish(sent);
      await eventually(() => events.length === 10);
      expect(events).toEqual(sent.flatMap((m) => [`start ${m.id}`, `end ${m.id}`]));
    });

    it('runs up to `concurrency` handlers at once', async () => {
      const to = subject();
      const gate = deferred();
      let inFlight = 0;
      let maxInFlight = 0;
      const done: string[] = [];
      await subscribe({ subject: to, group: group(), concurrency: 2 }, async (m) => {
        maxInFlight = Math.max(maxInFlight, ++inFlight);
        await gate.promise;
        inFlight--;
        done.push(m.id);
      });
      await fixture.publisher.publish(Array.from({ length: 5 }, () => message(to)));
      await eventually(() => inFlight === 2);
      gate.resolve();
      await eventually(() => done.length === 5);
      expect(maxInFlight).toBe(2);
    });

    it('redelivers a message whose handler failed, and acks it once it succeeds', async () => {
      const to = subject();
      const g = group();
      const sent = message(to);
      const attempts: number[] = [];
      await subscribe({ subject: to, group: g, ...FAST_RETRY }, async (m) => {
        attempts.push(m.deliveryAttempt);
        if (m.deliveryAttempt === 1) throw new Error('transient outage');
      });
      await fixture.publisher.publish([sent]);

      await eventually(() => attempts.length === 2);
      const later = message(to);
      await fixture.publisher.publish([later]);
      await eventually(() => attempts.length === 3);
      expect(attempts).toEqual([1, 2, 1]);
      expect(await fixture.deadLetters.get(g, sent.id)).toBeUndefined();
    });

    it('dead-letters a message after maxDeliver failed deliveries with its error history, and carries on', async () => {
      const to = subject();
      const g = group();
      const poison = message(to, { headers: { [Header.CorrelationId]: 'corr-poison' } });
      const good = message(to);
      const attempts: number[] = [];
      const handled: string[] = [];
      await subscribe({ subject: to, group: g, ...FAST_RETRY }, async (m) => {
        if (m.id === poison.id) {
          attempts.push(m.deliveryAttempt);
          throw new Error(`boom ${m.deliveryAttempt}`);
        }
        handled.push(m.id);
      });
      await fixture.publisher.publish([poison, good]);

      const deadLetter = (await eventually(() => fixture.deadLetters.get(g, poison.id)))!;
      expect(deadLetter.consumer).toBe(g);
      expect(deadLetter.message.id).toBe(poison.id);
      expect(deadLetter.message.subject).toBe(to);
      expect(deadLetter.message.headers).toEqual(poison.headers);
      expect(Array.from(deadLetter.message.payload)).toEqual(Array.from(poison.payload));
      expect(deadLetter.errors.map((e) => e.attempt)).toEqual([1, 2, 3]);
      expect(deadLetter.errors.map((e) => e.error)).toEqual([1, 2, 3].map((n) => expect.stringContaining(`boom ${n}`)));

      const after = message(to);
      await fixture.publisher.publish([after]);
      await eventually(() => handled.includes(after.id));
      expect(handled).toEqual([good.id, after.id]);
      expect(attempts).toEqual([1, 2, 3]);
    });

    it('dead-letters a MalformedMessageError at once, without redelivery', async () => {
      const to = subject();
      const g = group();
      const malformed = message(to);
      const calls: string[] = [];
      await subscribe({ subject: to, group: g, ...FAST_RETRY }, async (m) => {
        calls.push(m.id);
        if (m.id === malformed.id) throw new MalformedMessageError('missing COMMAND_REPLY_CHANNEL');
      });
      await fixture.publisher.publish([malformed]);

      const deadLetter = (await eventually(() => fixture.deadLetters.get(g, malformed.id)))!;
      expect(deadLetter.errors).toHaveLength(1);
      expect(deadLetter.errors[0]!.error).toContain('missing COMMAND_REPLY_CHANNEL');
      const after = message(to);
      await fixture.publisher.publish([after]);
      await eventually(() => calls.includes(after.id));
      expect(calls).toEqual([malformed.id, after.id]);
    });

    it('dead-letters an undecodable message at once with its raw body, and carries on', async () => {
      const to = subject();
      const g = group();
      const { received, handler } = recorder();
      await subscribe({ subject: to, group: g, ...FAST_RETRY }, handler);
      const garbageId = newId();
      const garbage = new Uint8Array([0xff, 0xff, 0xff, 0x01]);
      await fixture.publishRaw(to, garbage, garbageId);
      const after = message(to);
      await fixture.publisher.publish([after]);

      const deadLetter = (await eventually(() => fixture.deadLetters.get(g, garbageId)))!;
      expect(deadLetter.errors).toEqual([expect.objectContaining({ attempt: 1, error: expect.stringContaining('undecodable message') })]);
      expect(Array.from(deadLetter.message.payload)).toEqual(Array.from(garbage));
      await eventually(() => idsOf(received).includes(after.id));
      expect(idsOf(received)).toEqual([after.id]);
    });

    it('when the dead letter cannot be stored, redelivers and dead-letters later without running the handler again', async () => {
      const to = subject();
      const g = group();
      const store = fixture.deadLetters;
      const deadLetter = store.deadLetter.bind(store);
      let refusals = 1;
      store.deadLetter = async (...args) => {
        if (refusals-- > 0) throw new Error('dead-letter store unavailable');
        return deadLetter(...args);
      };
      const attempts: number[] = [];
      await subscribe({ subject: to, group: g, ...FAST_RETRY }, async (m) => {
        attempts.push(m.deliveryAttempt);
        throw new Error('always fails');
      });
      const poison = message(to);
      await fixture.publisher.publish([poison]);

      const stored = (await eventually(() => store.get(g, poison.id)))!;
      expect(attempts).toEqual([1, 2, 3]);
      expect(stored.errors.at(-1)!.error).toContain('not handled after 3 deliveries');
    });

    it('drops a second publish of the same id, but not one carrying a replay marker', async () => {
      const to = subject();
      const original = message(to);
      await fixture.publisher.publish([original]);
      await fixture.publisher.publish([original]);
      await fixture.publisher.publish([{ ...original, headers: { ...original.headers, [Header.Replay]: newId() } }]);
      const sentinel = message(to);
      await fixture.publisher.publish([sentinel]);
      const { received, handler } = recorder();
      await subscribe({ subject: to, group: group() }, handler);

      await eventually(() => idsOf(received).includes(sentinel.id));
      expect(idsOf(received)).toEqual([original.id, original.id, sentinel.id]);
      expect(received[0]!.headers[Header.Replay]).toBeUndefined();
      expect(received[1]!.headers[Header.Replay]).toBeDefined();
    });

    it('replays a dead letter with its original id to the group that dead-lettered it', async () => {
      const to = subject();
      const g = group();
      const sent = message(to);
      let broken = true;
      const handled: IncomingMessage[] = [];
      await subscribe({ subject: to, group: g, ...FAST_RETRY, maxDeliver: 1 }, async (m) => {
        if (broken) throw new Error('bug');
        handled.push(m);
      });
      await fixture.publisher.publish([sent]);
      await eventually(() => fixture.deadLetters.get(g, sent.id));

      broken = false;
      await replayDeadLetter(fixture.deadLetters, fixture.publisher, g, sent.id);
      await eventually(() => handled.length === 1);
      expect(handled[0]!.id).toBe(sent.id);
      expect(handled[0]!.headers[Header.Replay]).toEqual(expect.any(String));
      expect((await fixture.deadLetters.get(g, sent.id))?.replayedAt).toBeInstanceOf(Date);
    });

    it('drain waits for the in-flight handler, then the subscription takes no more messages', async () => {
      const to = subject();
      const g = group();
      const gate = deferred();
      const order: string[] = [];
      const drainedHandler: string[] = [];
      const drained = await subscribe({ subject: to, group: g }, async (m) => {
        drainedHandler.push(m.id);
        order.push('handler started');
        await gate.promise;
        order.push('handler finished');
      });
      await fixture.publisher.publish([message(to)]);
      await eventually(() => order.length === 1);

      const draining = drained.drain().then(() => order.push('drained'));
      await new Promise((resolve) => setImmediate(resolve));
      expect(order).toEqual(['handler started']);
      gate.resolve();
      await draining;
      expect(order).toEqual(['handler started', 'handler finished', 'drained']);

      const later = message(to);
      await fixture.publisher.publish([later]);
      const { received, handler } = recorder();
      await subscribe({ subject: to, group: g }, handler);
      await eventually(() => received.length === 1);
      expect(idsOf(received)).toEqual([later.id]);
      expect(drainedHandler).not.toContain(later.id);
    });
  });
}

function message(subject: string, overrides: Partial<Message> = {}): Message {
  return {
    id: newId(),
    name: 'test.Happened',
    subject,
    payload: new Uint8Array([8, 1, 18, 3, 97, 98, 99]),
    headers: { [Header.CorrelationId]: newId() },
    occurredAt: new Date(Date.now() - 5_000),
    ...overrides,
  };
}

function deferred(): { promise: Promise<void>; resolve(): void } {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}
