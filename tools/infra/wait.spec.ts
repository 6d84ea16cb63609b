import { waitFor } from './wait.ts';

describe('waitFor', () => {
  it('resolves once the check turns true, having polled until then', async () => {
    let calls = 0;
    await waitFor('the third poll', async () => ++calls >= 3, 5_000, 1);
    expect(calls).toBe(3);
  });

  it('treats a check that throws as not ready yet', async () => {
    let calls = 0;
    const check = async () => {
      calls++;
      if (calls < 2) throw new Error('connection refused');
      return true;
    };
    await expect(waitFor('a flaky server', check, 5_000, 1)).resolves.toBeUndefined();
    expect(calls).toBe(2);
  });

  it('rejects after the timeout, naming what it waited for', async () => {
    let calls = 0;
    const never = async () => {
      calls++;
      return false;
    };
    await expect(waitFor('PostgreSQL on 127.0.0.1:5999', never, 20, 5)).rejects.toThrow(
      'timed out after 20 ms waiting for PostgreSQL on 127.0.0.1:5999',
    );
    // It kept polling until the deadline rather than giving up on the first false.
    expect(calls).toBeGreaterThan(1);
  });
});
