import { Histogram } from './histogram.ts';
import { createRng } from './rng.ts';

/** The exact nearest-rank percentile of a sample. */
function exact(sorted: number[], p: number): number {
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

describe('the latency histogram', () => {
  it('gives the percentiles of 1…1000 ms within 1 %, and the exact count, min and max', () => {
    const h = new Histogram();
    for (let v = 1000; v >= 1; v--) h.record(v);
    expect([h.count, h.min, h.max]).toEqual([1000, 1, 1000]);
    for (const [p, value] of [
      [50, 500],
      [90, 900],
      [99, 990],
      [100, 1000],
    ] as const) {
      expect([p, Math.abs(h.percentile(p) - value) / value <= 0.01]).toEqual([p, true]);
    }
  });

  it('stays within 1 % of the exact percentiles of a skewed sample (log-normal, 0.2 ms to minutes)', () => {
    const rng = createRng(99);
    const h = new Histogram();
    const sample: number[] = [];
    for (let i = 0; i < 50_000; i++) {
      // Box–Muller: a log-normal latency around 20 ms with a long tail.
      const z = Math.sqrt(-2 * Math.log(1 - rng.next())) * Math.cos(2 * Math.PI * rng.next());
      const v = Math.exp(Math.log(20) + 1.5 * z);
      sample.push(v);
      h.record(v);
    }
    sample.sort((a, b) => a - b);
    for (const p of [1, 50, 75, 90, 99, 99.9]) {
      const want = exact(sample, p);
      expect([p, Math.abs(h.percentile(p) - want) / want <= 0.01]).toEqual([p, true]);
    }
    expect(h.max).toBe(sample.at(-1));
  });

  it('keeps a single value exact, and answers NaN when empty', () => {
    const h = new Histogram();
    expect([h.percentile(50), h.max, h.count]).toEqual([NaN, NaN, 0]);
    h.record(12.345);
    expect([h.percentile(50), h.percentile(99), h.max]).toEqual([12.345, 12.345, 12.345]);
  });

  it('takes zero (read to 0.01 ms, the first bucket) and values beyond a day (the last bucket: its max is exact)', () => {
    const h = new Histogram();
    h.record(0);
    h.record(3 * 24 * 3_600_000);
    expect([h.min, h.max, h.percentile(50), h.percentile(100)]).toEqual([0, 3 * 24 * 3_600_000, 0.01, 3 * 24 * 3_600_000]);
  });

  it('refuses negative or NaN latencies and percentiles outside (0, 100]', () => {
    const h = new Histogram();
    expect(() => h.record(-1)).toThrow(RangeError);
    expect(() => h.record(NaN)).toThrow(RangeError);
    expect(() => h.percentile(0)).toThrow(RangeError);
    expect(() => h.percentile(101)).toThrow(RangeError);
  });
});
