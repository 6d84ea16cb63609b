import { chooseFlow, FLOW_KINDS, FLOW_SHARES, type FlowKind } from './flow-choice.ts';
import { createRng, type Rng } from './rng.ts';

/** An Rng that returns the given int() answers in order (to pin the mapping of each draw). */
function scripted(ints: number[]): Rng {
  return {
    next: () => 0,
    int: () => ints.shift()!,
    pick: (items) => items[0]!,
  };
}

describe('the choice of flows', () => {
  it('maps each draw as the reference does (§10)', () => {
    const group0 = [0, 1, 2, 3].map((d) => chooseFlow(scripted([0, d])));
    expect(group0).toEqual(['justBrowsing', 'justBrowsing', 'justBrowsing', 'buyingItems']);
    const group1 = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9].map((d) => chooseFlow(scripted([1, d])));
    expect(group1).toEqual([
      'registerCustomer',
      'setupAStore',
      'addNewInventory',
      'rebrandStore',
      'rebrandProduct',
      'registerCustomer',
      'registerCustomer',
      'registerCustomer',
      'addNewInventory',
      'addNewInventory',
    ]);
  });

  it('gives 37.5/12.5/20/5/15/5/5 % over many seeded draws', () => {
    const draws = 200_000;
    const rng = createRng(20240601);
    const counts = Object.fromEntries(FLOW_KINDS.map((k) => [k, 0])) as Record<FlowKind, number>;
    for (let i = 0; i < draws; i++) counts[chooseFlow(rng)]++;
    for (const kind of FLOW_KINDS) {
      // ±0.5 percentage points: about 5 standard deviations for the largest share at this sample size.
      expect([kind, Math.abs(counts[kind] / draws - FLOW_SHARES[kind]) < 0.005]).toEqual([kind, true]);
    }
    expect(Object.values(FLOW_SHARES).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 10);
  });

  it('repeats the same sequence for the same seed and stream, and another for another', () => {
    const sequence = (seed: number, stream: number) => {
      const rng = createRng(seed, stream);
      return Array.from({ length: 50 }, () => chooseFlow(rng));
    };
    expect(sequence(7, 0)).toEqual(sequence(7, 0));
    expect(sequence(7, 0)).not.toEqual(sequence(8, 0));
    expect(sequence(7, 0)).not.toEqual(sequence(7, 3));
  });
});

describe('the seeded generator', () => {
  it('draws whole numbers in [0, n) and floats in [0, 1), roughly uniformly', () => {
    const rng = createRng(1);
    const buckets = new Array<number>(10).fill(0);
    for (let i = 0; i < 100_000; i++) {
      const f = rng.next();
      expect(f >= 0 && f < 1).toBe(true);
      buckets[rng.int(10)]!++;
    }
    for (const b of buckets) expect(Math.abs(b - 10_000)).toBeLessThan(500);
  });

  it('refuses what it cannot draw from', () => {
    const rng = createRng(1);
    expect(() => rng.int(0)).toThrow(RangeError);
    expect(() => rng.pick([])).toThrow(RangeError);
  });
});
