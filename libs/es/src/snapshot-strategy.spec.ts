import { createEvent } from '@mallbots/ddd';
import { anyOf, everyNEvents, never, onEvents, type SaveInfo } from './snapshot-strategy.js';

const save = (fromVersion: number, toVersion: number, names: string[] = []): SaveInfo => ({ fromVersion, toVersion, events: names.map((n) => createEvent(n, {})) });

describe('snapshot strategies', () => {
  it('everyNEvents() snapshots at versions 3, 6, 9… with one event per save, like the reference', () => {
    const strategy = everyNEvents();
    const snapshotted = Array.from({ length: 10 }, (_, v) => v + 1).filter((v) => strategy.shouldSnapshot(save(v - 1, v)));

    expect(snapshotted).toEqual([3, 6, 9]);
  });

  it('everyNEvents also snapshots a multi-event save that jumps over a multiple, and not one that stays between', () => {
    const strategy = everyNEvents(3);

    expect(strategy.shouldSnapshot(save(2, 5))).toBe(true);
    expect(strategy.shouldSnapshot(save(0, 7))).toBe(true);
    expect(strategy.shouldSnapshot(save(3, 5))).toBe(false);
    expect(everyNEvents(50).shouldSnapshot(save(48, 52))).toBe(true);
    expect(() => everyNEvents(0)).toThrow();
  });

  it('never() never snapshots', () => {
    expect(never().shouldSnapshot(save(2, 3))).toBe(false);
  });

  it('onEvents snapshots when a pivotal event is saved; anyOf combines strategies', () => {
    const pivotal = onEvents('stores.StoreRebranded');

    expect(pivotal.shouldSnapshot(save(4, 5, ['stores.StoreRebranded']))).toBe(true);
    expect(pivotal.shouldSnapshot(save(4, 5, ['stores.ProductAdded']))).toBe(false);
    expect(anyOf(everyNEvents(10), pivotal).shouldSnapshot(save(8, 10, ['x']))).toBe(true);
    expect(anyOf(everyNEvents(10), pivotal).shouldSnapshot(save(4, 5, ['x']))).toBe(false);
  });
});
