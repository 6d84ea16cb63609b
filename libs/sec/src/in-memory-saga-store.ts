import type { SagaInstance, SagaListFilter, SagaStore } from './saga-store.port.js';

/**
 * SagaStore in memory, for unit tests. Data goes through JSON like jsonb does, so non-serialisable saga data
 * fails here as it would in PostgreSQL. It takes no locks: pair it with InMemoryTransactionRunner, which runs one
 * transaction at a time.
 */
export class InMemorySagaStore implements SagaStore {
  private readonly rows = new Map<string, SagaInstance>();

  async insert(saga: SagaInstance): Promise<boolean> {
    const key = keyOf(saga.name, saga.id);
    if (this.rows.has(key)) return false;
    this.rows.set(key, copy(saga));
    return true;
  }

  async loadForUpdate(name: string, id: string): Promise<SagaInstance | undefined> {
    return this.get(name, id);
  }

  async update(saga: SagaInstance): Promise<void> {
    const key = keyOf(saga.name, saga.id);
    const existing = this.rows.get(key);
    if (!existing) throw new Error(`saga ${saga.name}/${saga.id} does not exist`);
    this.rows.set(key, copy({ ...saga, createdAt: existing.createdAt }));
  }

  async get(name: string, id: string): Promise<SagaInstance | undefined> {
    const row = this.rows.get(keyOf(name, id));
    return row && copy(row);
  }

  async list(name: string, filter: SagaListFilter = {}): Promise<SagaInstance[]> {
    return [...this.rows.values()]
      .filter((s) => s.name === name && (!filter.status || s.status === filter.status))
      .sort((a, b) => b.updatedAt.getTime() - a.updatedAt.getTime() || a.id.localeCompare(b.id))
      .slice(0, filter.limit ?? 100)
      .map(copy);
  }

  async claimExpired(name: string, now: Date, limit: number): Promise<SagaInstance[]> {
    return [...this.rows.values()]
      .filter((s) => s.name === name && !s.done && s.deadlineAt !== null && s.deadlineAt.getTime() <= now.getTime())
      .sort((a, b) => a.deadlineAt!.getTime() - b.deadlineAt!.getTime())
      .slice(0, limit)
      .map(copy);
  }
}

function keyOf(name: string, id: string): string {
  return `${name}\u0000${id}`;
}

function copy(saga: SagaInstance): SagaInstance {
  return { ...saga, data: JSON.parse(JSON.stringify(saga.data)) as unknown };
}
