import { ConfigError } from '@mallbots/platform';
import { loadStoresOptions } from './stores.config.js';

describe('loadStoresOptions', () => {
  it('snapshots every 3 events by default, as the reference', () => {
    expect(loadStoresOptions({})).toEqual({ snapshotEvery: 3 });
    expect(loadStoresOptions({ SNAPSHOT_EVERY: ' ' })).toEqual({ snapshotEvery: 3 });
  });

  it('takes SNAPSHOT_EVERY', () => {
    expect(loadStoresOptions({ SNAPSHOT_EVERY: '50' })).toEqual({ snapshotEvery: 50 });
  });

  it.each(['0', '-3', '2.5', 'often', '1e3'])('refuses SNAPSHOT_EVERY=%s at start-up', (value) => {
    expect(() => loadStoresOptions({ SNAPSHOT_EVERY: value })).toThrow(ConfigError);
    expect(() => loadStoresOptions({ SNAPSHOT_EVERY: value })).toThrow(`SNAPSHOT_EVERY must be a whole number of events ≥ 1, got "${value}"`);
  });
});
