// Waiting that never outlives the run: every wait ends early when its signal aborts and clears its timer, so no
// timer keeps the process alive after the summary (the reference's idle loop spun a core instead, §14.7 #56).

/** Resolves after `ms`, or as soon as `signal` aborts (without rejecting: the caller checks what it needs). */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  if (signal?.aborted || ms <= 0) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });
}

/** A wake-up call for a loop that sleeps until its next due time or until there is something new to do. */
export class Waker {
  private wake: (() => void) | undefined;

  /** Sleeps up to `ms`; `notify()` or `signal` ends the sleep early. */
  wait(ms: number, signal?: AbortSignal): Promise<void> {
    const local = new AbortController();
    this.wake = () => local.abort();
    const forward = () => local.abort();
    signal?.addEventListener('abort', forward, { once: true });
    if (signal?.aborted) local.abort();
    return sleep(ms, local.signal).finally(() => {
      this.wake = undefined;
      signal?.removeEventListener('abort', forward);
    });
  }

  notify(): void {
    this.wake?.();
  }
}
