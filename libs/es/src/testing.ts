// Contract suites and test doubles for users of libs/es (`@mallbots/es/testing`). Each port has one contract suite
// that every adapter runs, so the in-memory doubles used in application tests behave like the PostgreSQL adapters.
import { describe, it, expect, beforeEach } from '@jest/globals';
import { ConflictError, newId } from '@mallbots/ddd';
import type { EventStore, NewEvent } from './event-store.port.js';
import type { SnapshotStore } from './snapshot-store.port.js';

export function newTestEvent(name: string, data: unknown = {}, overrides: Partial<NewEvent> = {}): NewEvent {
  return { eventId: newId(), eventName: name, eventVersion: 1, data, metadata: {}, occurredAt: new Date(), ...overrides };
}

/** Every EventStore adapter must pass this. `makeStore` is called before each test; streams get unique ids. */
export function describeEventStoreContract(name: string, makeStore: () => EventStore | Promise<EventStore>): void {
  describe(`EventStore contract: ${name}`, () => {
    let store: EventStore;
    let streamId: string;
    const stream = 'test.Counter';

    beforeEach(async () => {
      store = await makeStore();
      streamId = newId();
    });

    it('loads nothing for a stream that does not exist', async () => {
      await expect(store.load(stream, streamId)).resolves.toEqual([]);
    });

    it('appends several events at once and loads them back in order with every field', async () => {
      const occurredAt = new Date('2024-05-06T07:08:09.123Z');
      const events = [
        newTestEvent('test.Created', { name: 'a', tags: ['x'], nested: { n: 1 } }, { metadata: { 'aggregate-version': '1' }, occurredAt }),
        newTestEvent('test.Renamed', { name: 'b' }, { eventVersion: 2 }),
        newTestEvent('test.Renamed', { name: 'c' }),
      ];

      await expect(store.append(stream, streamId, 0, events)).resolves.toBe(3);

      const loaded = await store.load(stream, streamId);
      expect(loaded.map((e) => e.streamVersion)).toEqual([1, 2, 3]);
      expect(loaded[0]).toEqual({ ...events[0], streamName: stream, streamId, streamVersion: 1 });
      expect(loaded[1]).toMatchObject({ eventId: events[1]!.eventId, eventName: 'test.Renamed', eventVersion: 2, data: { name: 'b' } });
      expect(loaded[0]!.occurredAt.getTime()).toBe(occurredAt.getTime());
    });

    it('stores data as JSON (dates come back as ISO strings)', async () => {
      await store.append(stream, streamId, 0, [newTestEvent('test.Dated', { at: new Date('2024-01-02T03:04:05.000Z') })]);
      const [event] = await store.load(stream, streamId);
      expect(event!.data).toEqual({ at: '2024-01-02T03:04:05.000Z' });
    });

    it('continues a stream from the expected version and loads only the versions after afterVersion', async () => {
      await store.append(stream, streamId, 0, [newTestEvent('test.A'), newTestEvent('test.B')]);
      await expect(store.append(stream, streamId, 2, [newTestEvent('test.C'), newTestEvent('test.D')])).resolves.toBe(4);

      const tail = await store.load(stream, streamId, 2);
      expect(tail.map((e) => [e.streamVersion, e.eventName])).toEqual([
        [3, 'test.C'],
        [4, 'test.D'],
      ]);
      await expect(store.load(stream, streamId, 4)).resolves.toEqual([]);
    });

    it('rejects a stale expected version with ConflictError and writes nothing', async () => {
      await store.append(stream, streamId, 0, [newTestEvent('test.A'), newTestEvent('test.B')]);

      const attempt = store.append(stream, streamId, 1, [newTestEvent('test.Late')]);
      await expect(attempt).rejects.toBeInstanceOf(ConflictError);
      await expect(attempt).rejects.toThrow(`stream ${stream}/${streamId} changed concurrently: expected version 1`);
      expect((await store.load(stream, streamId)).map((e) => e.eventName)).toEqual(['test.A', 'test.B']);
    });

    it('rejects an expected version ahead of the stream, so streams never have gaps', async () => {
      await store.append(stream, streamId, 0, [newTestEvent('test.A')]);

      await expect(store.append(stream, streamId, 3, [newTestEvent('test.B')])).rejects.toBeInstanceOf(ConflictError);
      await expect(store.append(newId(), streamId, 1, [newTestEvent('test.B')])).rejects.toBeInstanceOf(ConflictError);
      expect(await store.load(stream, streamId)).toHaveLength(1);
    });

    it('writes all events of an append or none: a duplicate id in the last event rejects the whole batch', async () => {
      const first = newTestEvent('test.A');
      await store.append(stream, streamId, 0, [first]);
      const other = newId();

      const attempt = store.append(stream, other, 0, [newTestEvent('test.B'), newTestEvent('test.C'), { ...newTestEvent('test.D'), eventId: first.eventId }]);
      await expect(attempt).rejects.toBeInstanceOf(ConflictError);
      await expect(store.load(stream, other)).resolves.toEqual([]);
    });

    it('keeps streams apart by name and id', async () => {
      await store.append(stream, streamId, 0, [newTestEvent('test.A')]);
      await store.append('test.Other', streamId, 0, [newTestEvent('test.B')]);

      expect((await store.load(stream, streamId)).map((e) => e.eventName)).toEqual(['test.A']);
      expect((await store.load('test.Other', streamId)).map((e) => e.eventName)).toEqual(['test.B']);
    });

    it('lets exactly one of two concurrent appends at the same expected version win', async () => {
      const results = await Promise.allSettled([
        store.append(stream, streamId, 0, [newTestEvent('test.First')]),
        store.append(stream, streamId, 0, [newTestEvent('test.Second'), newTestEvent('test.Third')]),
      ]);

      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      const rejected = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
      expect(rejected).toHaveLength(1);
      expect(rejected[0]!.reason).toBeInstanceOf(ConflictError);
      const loaded = await store.load(stream, streamId);
      expect([1, 2]).toContain(loaded.length);
    });

    it('treats an empty append as a no-op', async () => {
      await expect(store.append(stream, streamId, 0, [])).resolves.toBe(0);
      await expect(store.load(stream, streamId)).resolves.toEqual([]);
    });
  });
}

/** Every SnapshotStore adapter must pass this. `makeStore` is called before each test; streams get unique ids. */
export function describeSnapshotStoreContract(name: string, makeStore: () => SnapshotStore | Promise<SnapshotStore>): void {
  describe(`SnapshotStore contract: ${name}`, () => {
    let store: SnapshotStore;
    let streamId: string;
    const stream = 'test.Counter';

    beforeEach(async () => {
      store = await makeStore();
      streamId = newId();
    });

    it('loads nothing when no snapshot was saved', async () => {
      await expect(store.load(stream, streamId)).resolves.toBeUndefined();
    });

    it('saves and loads a snapshot with its stream version, type, schema version and JSON data', async () => {
      const snapshot = { streamVersion: 3, name: 'test.CounterV1', version: 1, data: { count: 3, at: new Date('2024-01-02T00:00:00.000Z') } };
      await store.save(stream, streamId, snapshot);

      await expect(store.load(stream, streamId)).resolves.toEqual({ ...snapshot, data: { count: 3, at: '2024-01-02T00:00:00.000Z' } });
    });

    it('keeps one snapshot per stream: a newer one replaces it, an older one never does', async () => {
      await store.save(stream, streamId, { streamVersion: 3, name: 'test.CounterV1', version: 1, data: { count: 3 } });
      await store.save(stream, streamId, { streamVersion: 6, name: 'test.CounterV2', version: 2, data: { count: 6 } });
      await store.save(stream, streamId, { streamVersion: 4, name: 'test.CounterV1', version: 1, data: { count: 4 } });

      await expect(store.load(stream, streamId)).resolves.toEqual({ streamVersion: 6, name: 'test.CounterV2', version: 2, data: { count: 6 } });
    });

    it('keeps streams apart by name and id', async () => {
      await store.save(stream, streamId, { streamVersion: 3, name: 'test.CounterV1', version: 1, data: { count: 3 } });

      await expect(store.load('test.Other', streamId)).resolves.toBeUndefined();
      await expect(store.load(stream, newId())).resolves.toBeUndefined();
    });
  });
}
