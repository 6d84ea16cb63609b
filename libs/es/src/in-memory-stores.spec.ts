import { InMemoryEventStore } from './in-memory-event-store.js';
import { InMemorySnapshotStore } from './in-memory-snapshot-store.js';
import { describeEventStoreContract, describeSnapshotStoreContract } from './testing.js';

describeEventStoreContract('InMemoryEventStore', () => new InMemoryEventStore());
describeSnapshotStoreContract('InMemorySnapshotStore', () => new InMemorySnapshotStore());
