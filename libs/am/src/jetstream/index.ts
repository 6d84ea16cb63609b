// JetStream adapter of libs/am (see README.md in this folder).
export { connectJetStream, JetStreamConnection, JetStreamUnavailableError, type JetStreamConnectionOptions } from './jetstream-connection.js';
export { ensureStream, type StreamSetupOptions } from './stream-setup.js';
export { JetStreamPublisher, type JetStreamPublisherOptions } from './jetstream-publisher.js';
export { JetStreamSubscriber, type JetStreamSubscriberOptions } from './jetstream-subscriber.js';
export { NatsHeader } from './nats-headers.js';
export type { AdapterLogger } from './logger.js';
