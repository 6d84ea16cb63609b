// A 409 is the event store's optimistic concurrency at work: two kiosks changed the same store or product at once
// and the later save lost the race ("stream … changed concurrently", docs/adr/0007). The services leave the retry to
// the caller, as a real client would do it, so busywork does: it sends the command again, up to `attempts` times,
// and counts each retry (the summary shows them). Only a conflict that outlasts the retries is an error.
import { MallApiError, ROUTES, type MallApi, type Operation } from './mall-api.ts';
import { sleep } from './timing.ts';

export interface ConflictRetryOptions {
  /** Attempts in all, the first included. */
  readonly attempts?: number;
  /** Before a retry, a random wait in [0, maxBackoffMs) so the racing kiosks do not collide again. */
  readonly maxBackoffMs?: number;
  readonly onRetry?: (operation: Operation) => void;
}

/** `api` with its commands (every call but a GET) sent again after a 409 answer. */
export function retryingConflicts(api: MallApi, options: ConflictRetryOptions = {}): MallApi {
  const attempts = options.attempts ?? 3;
  const maxBackoffMs = options.maxBackoffMs ?? 50;
  const wrapped: Partial<Record<Operation, (...args: never[]) => Promise<unknown>>> = {};
  for (const operation of Object.keys(ROUTES) as Operation[]) {
    const call = (api[operation] as (...args: unknown[]) => Promise<unknown>).bind(api);
    if (ROUTES[operation].startsWith('GET ')) {
      wrapped[operation] = call;
      continue;
    }
    wrapped[operation] = async (...args: unknown[]) => {
      for (let attempt = 1; ; attempt++) {
        try {
          return await call(...args);
        } catch (err) {
          if (!(err instanceof MallApiError && err.status === 409) || attempt >= attempts) throw err;
          options.onRetry?.(operation);
          await sleep(Math.random() * maxBackoffMs);
        }
      }
    };
  }
  return wrapped as unknown as MallApi;
}
