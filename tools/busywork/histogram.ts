// Latency percentiles in constant memory: a log-bucketed histogram (the idea of HdrHistogram, reduced to what a
// report needs). Each bucket is 1 % wider than the one below, so any percentile is within 1 % of the exact
// nearest-rank value of the samples (or 0.01 ms, the first bucket's width, for values below it), whether the run
// lasts a minute or a day; count, min and max are exact.

const LOWEST_MS = 0.01;
const GROWTH = 1.01;
const LOG_GROWTH = Math.log(GROWTH);
/** Buckets up to 24 h; slower values land in the last one (and max stays exact). */
const BUCKETS = Math.ceil(Math.log((24 * 3600 * 1000) / LOWEST_MS) / LOG_GROWTH) + 1;

export class Histogram {
  private readonly counts = new Float64Array(BUCKETS);
  private total = 0;
  private lowest = Infinity;
  private highest = -Infinity;

  /** Records one value in milliseconds (negative or NaN values are bugs in the caller and are refused). */
  record(ms: number): void {
    if (!(ms >= 0)) throw new RangeError(`a latency must be a non-negative number of milliseconds, not ${ms}`);
    this.counts[bucketOf(ms)]! += 1;
    this.total++;
    if (ms < this.lowest) this.lowest = ms;
    if (ms > this.highest) this.highest = ms;
  }

  get count(): number {
    return this.total;
  }

  get min(): number {
    return this.total ? this.lowest : NaN;
  }

  get max(): number {
    return this.total ? this.highest : NaN;
  }

  /**
   * The p-th percentile (0 < p ≤ 100) by nearest rank: the upper edge of the bucket holding the ⌈p/100 · n⌉-th
   * smallest value, kept within the exact min and max. NaN when nothing was recorded.
   */
  percentile(p: number): number {
    if (!(p > 0 && p <= 100)) throw new RangeError(`a percentile is in (0, 100], not ${p}`);
    if (this.total === 0) return NaN;
    const rank = Math.max(1, Math.ceil((p / 100) * this.total));
    let seen = 0;
    for (let i = 0; i < BUCKETS; i++) {
      seen += this.counts[i]!;
      // The last bucket is open-ended (beyond a day): only the exact max says where its values are.
      if (seen >= rank) return i === BUCKETS - 1 ? this.highest : Math.min(this.highest, Math.max(this.lowest, upperEdge(i)));
    }
    return this.highest;
  }
}

function bucketOf(ms: number): number {
  if (ms <= LOWEST_MS) return 0;
  return Math.min(BUCKETS - 1, Math.ceil(Math.log(ms / LOWEST_MS) / LOG_GROWTH));
}

function upperEdge(bucket: number): number {
  return LOWEST_MS * Math.pow(GROWTH, bucket);
}
