// A small event-sourced aggregate shaped like the reference's Store, used by this library's own tests only
// (excluded from the build).
import { FailedPreconditionError, InvalidArgumentError, type DomainEvent } from '@mallbots/ddd';
import { EventSourcedAggregate, type Snapshot, type Snapshotter } from '../index.js';
import { EventTypeRegistry } from '../event-type-registry.js';

export const StoreAggregate = 'stores.Store';

export type StoreEvent =
  | DomainEvent<{ name: string; location: string }, 'stores.StoreCreated'>
  | DomainEvent<{ name: string }, 'stores.StoreRebranded'>
  | DomainEvent<Record<string, never>, 'stores.StoreParticipationEnabled'>
  | DomainEvent<Record<string, never>, 'stores.StoreParticipationDisabled'>;

interface StoreV1 {
  name: string;
  location: string;
  participating: boolean;
}

export class Store extends EventSourcedAggregate<StoreEvent> implements Snapshotter {
  name = '';
  location = '';
  participating = false;
  /** Counts applied events, so tests can tell a snapshot restore from a replay. */
  applied = 0;

  constructor(id: string) {
    super(id);
  }

  get aggregateName(): string {
    return StoreAggregate;
  }

  static create(id: string, name: string, location: string): Store {
    if (!name) throw new InvalidArgumentError('the store name cannot be blank');
    const store = new Store(id);
    store.raise('stores.StoreCreated', { name, location });
    return store;
  }

  rebrand(name: string): void {
    if (!name) throw new InvalidArgumentError('the store name cannot be blank');
    this.raise('stores.StoreRebranded', { name });
  }

  enableParticipation(): void {
    if (this.participating) throw new FailedPreconditionError('the store is already participating');
    this.raise('stores.StoreParticipationEnabled', {});
  }

  disableParticipation(): void {
    if (!this.participating) throw new FailedPreconditionError('the store is not participating');
    this.raise('stores.StoreParticipationDisabled', {});
  }

  protected apply(event: StoreEvent): void {
    this.applied += 1;
    switch (event.name) {
      case 'stores.StoreCreated':
        this.name = event.payload.name;
        this.location = event.payload.location;
        return;
      case 'stores.StoreRebranded':
        this.name = event.payload.name;
        return;
      case 'stores.StoreParticipationEnabled':
        this.participating = true;
        return;
      case 'stores.StoreParticipationDisabled':
        this.participating = false;
        return;
    }
  }

  toSnapshot(): Snapshot {
    const data: StoreV1 = { name: this.name, location: this.location, participating: this.participating };
    return { name: 'stores.StoreV1', version: 1, data };
  }

  applySnapshot(snapshot: Snapshot): void {
    if (snapshot.name !== 'stores.StoreV1') throw new Error(`unexpected snapshot ${snapshot.name}`);
    const data = snapshot.data as StoreV1;
    this.name = data.name;
    this.location = data.location;
    this.participating = data.participating;
  }
}

/** `snapshotVersion` lets a test play a later release in which the current snapshot schema moved on. */
export function storeRegistry(snapshotVersion = 1): EventTypeRegistry {
  return new EventTypeRegistry()
    .register('stores.StoreCreated')
    .register('stores.StoreRebranded')
    .register('stores.StoreParticipationEnabled')
    .register('stores.StoreParticipationDisabled')
    .registerSnapshot('stores.StoreV1', snapshotVersion);
}
