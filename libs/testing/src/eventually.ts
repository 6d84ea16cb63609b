/**
 * Waits for an asynchronous outcome without sleeping a fixed time: polls `probe` until it stops throwing (or
 * returns a truthy value), failing with the last error after `timeoutMs`.
 */
export async function eventually<T>(probe: () => Promise<T> | T, { timeoutMs = 10_000, intervalMs = 20 } = {}): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== false && value !== undefined && value !== null) return value;
      lastError = new Error(`condition still ${String(value)}`);
    } catch (err) {
      lastError = err;
    }
    if (Date.now() > deadline) throw new Error(`eventually: timed out after ${timeoutMs} ms: ${(lastError as Error)?.message ?? lastError}`, { cause: lastError });
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}
