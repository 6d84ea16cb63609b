import { eventually } from './eventually.js';

describe('eventually', () => {
  it('returns the first truthy value of the probe', async () => {
    let calls = 0;
    await expect(eventually(() => (++calls >= 3 ? 'done' : false), { intervalMs: 1 })).resolves.toBe('done');
    expect(calls).toBe(3);
  });

  it('fails with the last error once the timeout passes', async () => {
    await expect(
      eventually(
        () => {
          throw new Error('not yet');
        },
        { timeoutMs: 30, intervalMs: 5 },
      ),
    ).rejects.toThrow(/timed out after 30 ms: not yet/);
  });
});
