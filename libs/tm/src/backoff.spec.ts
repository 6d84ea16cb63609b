import { Backoff } from './backoff.js';

describe('Backoff', () => {
  it('grows exponentially with jitter within [ceiling/2, ceiling] and is capped', () => {
    const lowest = new Backoff({ initialMs: 100, maxMs: 1000, factor: 2 }, () => 0);
    expect([1, 2, 3, 4, 5, 6].map(() => lowest.next())).toEqual([50, 100, 200, 400, 500, 500]);
    const highest = new Backoff({ initialMs: 100, maxMs: 1000, factor: 2 }, () => 0.999999);
    expect(Math.round(highest.next())).toBe(100);
    expect(Math.round(highest.next())).toBe(200);
  });

  it('starts over after reset', () => {
    const b = new Backoff({ initialMs: 10 }, () => 0);
    b.next();
    b.next();
    b.reset();
    expect(b.next()).toBe(5);
  });
});
