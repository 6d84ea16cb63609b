import { retryingConflicts } from './conflict-retry.ts';
import { FakeMall } from './fake-mall.ts';
import { MallApiError, type MallApi, type Operation } from './mall-api.ts';

/** The fake, with `operation` answering these statuses first (then as usual). */
function answering(operation: Operation, statuses: number[]): FakeMall {
  const mall = new FakeMall();
  const original = (mall[operation] as (...args: unknown[]) => Promise<unknown>).bind(mall);
  (mall as unknown as Record<string, unknown>)[operation] = async (...args: unknown[]) => {
    const status = statuses.shift();
    if (status !== undefined) throw new MallApiError(operation, status, `answered ${status}`);
    return original(...args);
  };
  return mall;
}

describe('retrying 409 conflicts', () => {
  it('sends a command again after a 409 and counts the retries', async () => {
    const mall = answering('rebrandStore', [409, 409]);
    const store = mall.seedStore('Old');
    const retried: Operation[] = [];
    const api: MallApi = retryingConflicts(mall, { maxBackoffMs: 1, onRetry: (op) => retried.push(op) });
    await api.rebrandStore(store.id, 'New');
    expect([mall.stores.get(store.id)!.name, retried]).toEqual(['New', ['rebrandStore', 'rebrandStore']]);
  });

  it('gives up after its attempts with the last 409', async () => {
    const mall = answering('rebrandProduct', [409, 409, 409, 409]);
    const retried: Operation[] = [];
    const api = retryingConflicts(mall, { attempts: 3, maxBackoffMs: 1, onRetry: (op) => retried.push(op) });
    await expect(api.rebrandProduct('p', 'n', 'd')).rejects.toMatchObject({ status: 409 });
    expect(retried).toHaveLength(2);
  });

  it('does not retry other failures, nor reads', async () => {
    const failing = answering('addItem', [500]);
    await expect(retryingConflicts(failing, { maxBackoffMs: 1 }).addItem('b', 'p', 1)).rejects.toMatchObject({ status: 500 });
    const reads = answering('getStores', [409]);
    await expect(retryingConflicts(reads, { maxBackoffMs: 1 }).getStores()).rejects.toMatchObject({ status: 409 });
  });
});
