// Small measurement helpers shared by the benchmarks.
export function percentile(sortedMs: number[], p: number): number {
  if (sortedMs.length === 0) return NaN;
  const i = Math.min(sortedMs.length - 1, Math.max(0, Math.ceil((p / 100) * sortedMs.length) - 1));
  return sortedMs[i]!;
}

/** Runs `worker` on `concurrency` parallel loops until `durationMs` passes; returns operations per second. */
export async function throughput(concurrency: number, durationMs: number, worker: (loop: number) => Promise<void>): Promise<{ ops: number; perSec: number }> {
  let ops = 0;
  const until = performance.now() + durationMs;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async (_, loop) => {
      while (performance.now() < until) {
        await worker(loop);
        ops++;
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  return { ops, perSec: ops / elapsed };
}

export function fmt(n: number, digits = 0): string {
  return Number.isFinite(n) ? n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits }) : 'n/a';
}
