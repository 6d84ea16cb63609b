import { describe, expect, it, jest } from '@jest/globals';
import { SagaTimeoutSweeper, type SagaTimeouts } from './saga-timeouts.js';

/** Answers with the queued counts, then 0; records every call. */
function fakeSaga(name: string, counts: (number | Error)[]): SagaTimeouts & { calls: { now: Date; limit: number }[] } {
  const calls: { now: Date; limit: number }[] = [];
  return {
    name,
    calls,
    async processTimeouts(now = new Date(), limit = 100) {
      calls.push({ now, limit });
      const next = counts.shift() ?? 0;
      if (next instanceof Error) throw next;
      return next;
    },
  };
}

describe('SagaTimeoutSweeper', () => {
  it('sweeps every saga, again at once while a batch comes back full', async () => {
    const a = fakeSaga('a', [2, 2, 1]);
    const b = fakeSaga('b', [0]);
    const now = new Date('2030-01-01T00:00:00Z');
    const sweeper = new SagaTimeoutSweeper({ sagas: [a, b], batchSize: 2, clock: () => now });

    expect(await sweeper.sweep()).toBe(5);
    expect(a.calls).toEqual([{ now, limit: 2 }, { now, limit: 2 }, { now, limit: 2 }]);
    expect(b.calls).toHaveLength(1);
  });

  it('reports a failing saga and still sweeps the others', async () => {
    const errors: string[] = [];
    const sweeper = new SagaTimeoutSweeper({ sagas: [fakeSaga('a', [new Error('db down')]), fakeSaga('b', [1])], onError: (e, saga) => errors.push(`${saga}: ${(e as Error).message}`) });
    expect(await sweeper.sweep()).toBe(1);
    expect(errors).toEqual(['a: db down']);
  });

  it('runs periodically until stopped, and stop waits for the sweep in progress', async () => {
    jest.useFakeTimers();
    try {
      let release!: () => void;
      let sweeps = 0;
      const saga: SagaTimeouts = {
        name: 'slow',
        async processTimeouts() {
          if (++sweeps === 3) await new Promise<void>((resolve) => (release = resolve));
          return 0;
        },
      };
      const sweeper = new SagaTimeoutSweeper({ sagas: [saga], intervalMs: 1_000 });
      sweeper.start();
      await jest.advanceTimersByTimeAsync(999);
      expect(sweeps).toBe(0);
      await jest.advanceTimersByTimeAsync(2_001);
      expect(sweeps).toBe(3); // the third sweep is now in progress

      let stopped = false;
      const stopping = sweeper.stop().then(() => (stopped = true));
      await jest.advanceTimersByTimeAsync(0);
      expect(stopped).toBe(false);
      release();
      await stopping;
      expect(jest.getTimerCount()).toBe(0);
      await jest.advanceTimersByTimeAsync(10_000);
      expect(sweeps).toBe(3);
    } finally {
      jest.useRealTimers();
    }
  });
});
