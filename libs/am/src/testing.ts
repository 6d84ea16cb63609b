// Test doubles and contract suites for users of libs/am: `import { … } from '@mallbots/am/testing'`.
export { describeBrokerContract, type BrokerFixture } from './broker.contract.js';
export { describeDeadLetterStoreContract, type DeadLetterStoreFixture } from './dead-letter-store.contract.js';
export { InMemoryBroker, type InMemoryBrokerOptions } from './in-memory-broker.js';
export { InMemoryDeadLetterStore } from './in-memory-dead-letter-store.js';
export { RecordingPublisher } from './recording-publisher.js';
export { fromPactMessage, pactEvent, producePactMessage, toPactMessage, type PactDeliveredMessage, type PactMessageOutput } from './pact-messages.js';
