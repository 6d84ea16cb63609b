export { createTestDatabase, databaseUrl, serverUrl, type TestDatabase } from './test-database.js';
export { natsUrl, uniqueNamespace } from './test-nats.js';
export { eventually } from './eventually.js';
export { startDisposableNats, freePorts, type DisposableNats } from './disposable-nats.js';
