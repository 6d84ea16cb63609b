import { ConfigError } from '@mallbots/platform';

/** Settings of the stores service beyond the platform's (ServiceConfig). */
export interface StoresOptions {
  /**
   * A snapshot every N events of a stream (SNAPSHOT_EVERY, default 3 as in the reference, §7.5). The reference
   * hard-coded it "for demonstration" (§14.5 item 47); long-lived production streams do better with 50–100.
   */
  readonly snapshotEvery: number;
}

export const DEFAULT_SNAPSHOT_EVERY = 3;

export function loadStoresOptions(env: Readonly<Record<string, string | undefined>> = process.env): StoresOptions {
  const raw = env.SNAPSHOT_EVERY?.trim() || String(DEFAULT_SNAPSHOT_EVERY);
  const snapshotEvery = Number(raw);
  if (!/^\d+$/.test(raw) || !Number.isSafeInteger(snapshotEvery) || snapshotEvery < 1) {
    throw new ConfigError([`SNAPSHOT_EVERY must be a whole number of events ≥ 1, got "${raw}"`]);
  }
  return { snapshotEvery };
}
