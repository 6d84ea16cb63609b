import { InMemoryBroker } from './in-memory-broker.js';
import { InMemoryDeadLetterStore } from './in-memory-dead-letter-store.js';
import { describeBrokerContract, describeDeadLetterStoreContract } from './testing.js';

describeDeadLetterStoreContract('InMemoryDeadLetterStore', async () => ({ store: new InMemoryDeadLetterStore() }));

describeBrokerContract('InMemoryBroker', async () => {
  const deadLetters = new InMemoryDeadLetterStore();
  const subjectPrefix = 'mallbots';
  const broker = new InMemoryBroker({ deadLetters, subjectPrefix });
  return { publisher: broker, subscriber: broker, deadLetters, subjectPrefix, publishRaw: (subject, body, id) => broker.publishRaw(subject, body, id), teardown: async () => undefined };
});
