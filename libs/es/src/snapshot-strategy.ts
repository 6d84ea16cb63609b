import type { DomainEvent } from '@mallbots/ddd';

/** What a save is about to commit: the stream moves from `fromVersion` to `toVersion` with `events`. */
export interface SaveInfo {
  readonly fromVersion: number;
  readonly toVersion: number;
  readonly events: readonly DomainEvent[];
}

/** Decides after each save whether to store a snapshot (M08). */
export interface SnapshotStrategy {
  shouldSnapshot(save: SaveInfo): boolean;
}

/**
 * Snapshot whenever a save crosses a multiple of `n`: at versions n, 2n, 3n… with one event per save, and also when
 * a multi-event save jumps over a multiple (e.g. 2 → 5 with n = 3). The reference hard-codes n = 3 "for
 * demonstration" (§14.5 item 47); production streams should use 50–100.
 */
export function everyNEvents(n = 3): SnapshotStrategy {
  if (!Number.isInteger(n) || n < 1) throw new Error(`everyNEvents: n must be an integer ≥ 1, got ${n}`);
  return { shouldSnapshot: ({ fromVersion, toVersion }) => Math.floor(toVersion / n) > Math.floor(fromVersion / n) };
}

export function never(): SnapshotStrategy {
  return { shouldSnapshot: () => false };
}

/** Snapshot on pivotal events (e.g. a store rebranded), whatever the version. */
export function onEvents(...names: string[]): SnapshotStrategy {
  const pivotal = new Set(names);
  return { shouldSnapshot: ({ events }) => events.some((event) => pivotal.has(event.name)) };
}

/** Snapshot when any of the strategies says so (e.g. every 50 events or on a pivotal event). */
export function anyOf(...strategies: SnapshotStrategy[]): SnapshotStrategy {
  return { shouldSnapshot: (save) => strategies.some((strategy) => strategy.shouldSnapshot(save)) };
}
