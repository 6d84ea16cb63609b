import { EventSourcedAggregate, type Snapshot, type Snapshotter } from '@mallbots/es';
import { isBlank } from './blank.js';
import { StoreErrors } from './store.errors.js';
import { StoreEventName, type StoreEvent } from './store.events.js';
import { fromStoreSnapshot, toStoreSnapshot } from './store.snapshot.js';

/** Aggregate and stream name, as in the reference (reference-behaviour §3.1). */
export const StoreAggregateName = 'stores.Store';

/**
 * A store of the mall (requirements B). Long-lived, so it is event sourced with snapshots (M07). Every command
 * validates first and then raises exactly one event; `apply` is the only place state changes, so replaying the
 * stream always rebuilds what the commands produced.
 */
export class Store extends EventSourcedAggregate<StoreEvent> implements Snapshotter {
  private storeName = '';
  private storeLocation = '';
  private isParticipating = false;

  /** An empty store for the repository to rebuild from its stream; new stores come from `Store.create`. */
  constructor(id: string) {
    super(id);
  }

  get aggregateName(): string {
    return StoreAggregateName;
  }

  get name(): string {
    return this.storeName;
  }

  get location(): string {
    return this.storeLocation;
  }

  get participating(): boolean {
    return this.isParticipating;
  }

  /** New stores do not participate yet: the owner opts in with `enableParticipation` (reference mall projector). */
  static create(id: string, name: string, location: string): Store {
    if (isBlank(id)) throw StoreErrors.idBlank();
    if (isBlank(name)) throw StoreErrors.nameBlank();
    if (isBlank(location)) throw StoreErrors.locationBlank();
    const store = new Store(id);
    store.raise(StoreEventName.Created, { name, location });
    return store;
  }

  enableParticipation(): void {
    this.assertExists();
    if (this.isParticipating) throw StoreErrors.alreadyParticipating();
    this.raise(StoreEventName.ParticipationEnabled, { participating: true });
  }

  disableParticipation(): void {
    this.assertExists();
    if (!this.isParticipating) throw StoreErrors.alreadyNotParticipating();
    this.raise(StoreEventName.ParticipationDisabled, { participating: false });
  }

  /**
   * The reference accepted a blank name here (§14.4 item 38). Rebranding to the current name is allowed, as in the
   * reference, so a retried request does not fail.
   */
  rebrand(name: string): void {
    this.assertExists();
    if (isBlank(name)) throw StoreErrors.nameBlank();
    this.raise(StoreEventName.Rebranded, { name });
  }

  toSnapshot(): Snapshot {
    return toStoreSnapshot({ name: this.storeName, location: this.storeLocation, participating: this.isParticipating });
  }

  applySnapshot(snapshot: Snapshot): void {
    const data = fromStoreSnapshot(snapshot);
    this.storeName = data.name;
    this.storeLocation = data.location;
    this.isParticipating = data.participating;
  }

  protected apply(event: StoreEvent): void {
    switch (event.name) {
      case StoreEventName.Created:
        this.storeName = event.payload.name;
        this.storeLocation = event.payload.location;
        return;
      case StoreEventName.ParticipationEnabled:
      case StoreEventName.ParticipationDisabled:
        this.isParticipating = event.payload.participating;
        return;
      case StoreEventName.Rebranded:
        this.storeName = event.payload.name;
        return;
      default: {
        // Stored events must stay applicable forever (M04); an unknown one is a wiring bug, never ignored silently.
        const unknown: never = event;
        throw new Error(`${StoreAggregateName}/${this.id}: cannot apply event ${(unknown as StoreEvent).name}`);
      }
    }
  }

  /**
   * Every stream starts with StoreCreated, so an aggregate without any event is a store that does not exist: a
   * command on it must not create a phantom stream (reference §14.4 item 34).
   */
  private assertExists(): void {
    if (this.pendingVersion === 0) throw StoreErrors.notFound();
  }
}
