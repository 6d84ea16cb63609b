import { natsUrl, uniqueNamespace } from '@mallbots/testing';
import { InMemoryDeadLetterStore } from '../in-memory-dead-letter-store.js';
import { describeBrokerContract } from '../testing.js';
import { connectJetStream, type JetStreamConnection } from './jetstream-connection.js';
import { JetStreamPublisher } from './jetstream-publisher.js';
import { JetStreamSubscriber } from './jetstream-subscriber.js';
import { ensureStream } from './stream-setup.js';

const ns = uniqueNamespace('contract');
let connection: JetStreamConnection;

beforeAll(async () => {
  connection = await connectJetStream({ servers: natsUrl(), name: ns });
  await ensureStream(connection.jsm, { name: ns, subjectPrefix: ns });
});

afterAll(async () => {
  await connection.jsm.streams.delete(ns);
  await connection.close();
});

describeBrokerContract('JetStream', async () => {
  const deadLetters = new InMemoryDeadLetterStore();
  const silent = { warn: () => undefined, error: () => undefined };
  return {
    publisher: new JetStreamPublisher(connection, { stream: ns }),
    subscriber: new JetStreamSubscriber({ connection, stream: ns, deadLetters, logger: silent }),
    deadLetters,
    subjectPrefix: ns,
    publishRaw: async (subject, body, id) => void (await connection.js.publish(subject, body, { msgID: id })),
    teardown: async () => undefined,
  };
});
