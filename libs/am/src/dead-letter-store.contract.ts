import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { newId } from '@mallbots/ddd';
import type { IncomingMessage } from './message.js';
import type { DeadLetterStore } from './ports.js';

export interface DeadLetterStoreFixture {
  /** An empty store (count() is global, so each test needs its own or a cleared one). */
  readonly store: DeadLetterStore;
  teardown?(): Promise<void>;
}

/**
 * The behaviour every DeadLetterStore must have (see the DeadLetterStore docs in ports.ts); libs/am runs it against
 * InMemoryDeadLetterStore, libs/tm against its PostgreSQL store.
 */
export function describeDeadLetterStoreContract(name: string, makeStore: () => Promise<DeadLetterStoreFixture>): void {
  describe(`DeadLetterStore contract: ${name}`, () => {
    let fixture: DeadLetterStoreFixture;
    let store: DeadLetterStore;

    beforeEach(async () => {
      fixture = await makeStore();
      store = fixture.store;
    });

    afterEach(async () => {
      await fixture.teardown?.();
    });

    it('keeps the message and one failure record per failed delivery, oldest first', async () => {
      const message = incoming({ headers: { 'correlation-id': 'c-1', COMMAND_SAGA_ID: 's-1' } });
      await store.recordFailure('orders', at(message, 1), 'Error: first');
      await store.recordFailure('orders', at(message, 2), 'Error: second');
      const returned = await store.deadLetter('orders', at(message, 3), 'Error: third');

      const stored = await store.get('orders', message.id);
      expect(stored).toEqual(returned);
      expect(stored?.id).toBe(message.id);
      expect(stored?.consumer).toBe('orders');
      expect(stored?.errors.map((e) => [e.attempt, e.error])).toEqual([
        [1, 'Error: first'],
        [2, 'Error: second'],
        [3, 'Error: third'],
      ]);
      expect(stored?.errors.every((e) => e.at instanceof Date)).toBe(true);
      expect(stored?.deadLetteredAt).toBeInstanceOf(Date);
      expect(stored?.replayedAt).toBeUndefined();
      expect(stored?.message.id).toBe(message.id);
      expect(stored?.message.name).toBe(message.name);
      expect(stored?.message.subject).toBe(message.subject);
      expect(Array.from(stored!.message.payload)).toEqual(Array.from(message.payload));
      expect(stored?.message.headers).toEqual(message.headers);
      expect(stored?.message.occurredAt.getTime()).toBe(message.occurredAt.getTime());
    });

    it('dead-letters a message that never failed before (a malformed one) with a single record', async () => {
      const message = incoming();
      await store.deadLetter('orders', message, 'MalformedMessageError: no reply channel');
      const stored = await store.get('orders', message.id);
      expect(stored?.errors).toHaveLength(1);
      expect(stored?.errors[0]).toMatchObject({ attempt: 1, error: 'MalformedMessageError: no reply channel' });
    });

    it('keeps the failures of each consumer apart', async () => {
      const message = incoming();
      await store.recordFailure('orders', at(message, 1), 'orders failed');
      await store.recordFailure('payments', at(message, 1), 'payments failed');
      await store.deadLetter('payments', at(message, 2), 'payments failed again');

      expect(await store.get('orders', message.id)).toBeUndefined();
      expect((await store.get('payments', message.id))?.errors.map((e) => e.error)).toEqual(['payments failed', 'payments failed again']);
    });

    it('lists open dead letters oldest first, by consumer, up to a limit', async () => {
      const [a, b, c] = [incoming(), incoming(), incoming()];
      await store.deadLetter('orders', a, 'a');
      await store.deadLetter('payments', b, 'b');
      await store.deadLetter('orders', c, 'c');

      expect((await store.list()).map((d) => d.id)).toEqual([a.id, b.id, c.id]);
      expect((await store.list({ consumer: 'orders' })).map((d) => d.id)).toEqual([a.id, c.id]);
      expect((await store.list({ limit: 2 })).map((d) => d.id)).toEqual([a.id, b.id]);
      expect(await store.count()).toBe(3);
    });

    it('counts and lists a replayed dead letter only when asked to include replayed ones', async () => {
      const [a, b] = [incoming(), incoming()];
      await store.deadLetter('orders', a, 'a');
      await store.deadLetter('orders', b, 'b');
      await store.markReplayed('orders', a.id);

      expect((await store.get('orders', a.id))?.replayedAt).toBeInstanceOf(Date);
      expect(await store.count()).toBe(1);
      expect((await store.list()).map((d) => d.id)).toEqual([b.id]);
      expect((await store.list({ includeReplayed: true })).map((d) => d.id).sort()).toEqual([a.id, b.id].sort());
    });

    it('reopens a replayed dead letter that fails again, appending to its history', async () => {
      const message = incoming();
      await store.recordFailure('orders', at(message, 1), 'before replay 1');
      await store.deadLetter('orders', at(message, 2), 'before replay 2');
      await store.markReplayed('orders', message.id);
      await store.recordFailure('orders', at(message, 1), 'after replay 1');
      await store.deadLetter('orders', at(message, 2), 'after replay 2');

      const stored = await store.get('orders', message.id);
      expect(stored?.replayedAt).toBeUndefined();
      expect(stored?.errors.map((e) => e.error)).toEqual(['before replay 1', 'before replay 2', 'after replay 1', 'after replay 2']);
      expect(await store.count()).toBe(1);
    });

    it('answers undefined for an unknown dead letter', async () => {
      expect(await store.get('orders', newId())).toBeUndefined();
    });
  });
}

function incoming(overrides: Partial<IncomingMessage> = {}): IncomingMessage {
  return {
    id: newId(),
    name: 'test.SomethingHappened',
    subject: 'mallbots.test.events.Thing',
    payload: new Uint8Array([0, 1, 2, 254, 255]),
    headers: { 'correlation-id': newId() },
    occurredAt: new Date('2024-05-06T07:08:09.123Z'),
    sentAt: new Date('2024-05-06T07:08:10.000Z'),
    receivedAt: new Date(),
    deliveryAttempt: 1,
    consumer: 'orders',
    ...overrides,
  };
}

function at(message: IncomingMessage, deliveryAttempt: number): IncomingMessage {
  return { ...message, deliveryAttempt };
}
