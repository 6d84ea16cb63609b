import { subscriptionDefaults, type MessageHandler, type MessageSubscriber, type Subscription, type SubscriptionOptions, type DeadLetterStore } from '../ports.js';
import { AckBatcher } from './ack-batcher.js';
import { ensureDurableConsumer } from './consumer-setup.js';
import type { JetStreamConnection } from './jetstream-connection.js';
import { JetStreamSubscription } from './jetstream-subscription.js';
import { consoleLogger, type AdapterLogger } from './logger.js';

export interface JetStreamSubscriberOptions {
  connection: JetStreamConnection;
  /** The stream the subjects live in (see ensureStream). */
  stream: string;
  deadLetters: DeadLetterStore;
  logger?: AdapterLogger;
}

const defaults = subscriptionDefaults;

/** One durable pull consumer per group (O04), consumed with bounded concurrency (O11) and dead-lettering (O12). */
export class JetStreamSubscriber implements MessageSubscriber {
  private readonly logger: AdapterLogger;

  constructor(private readonly options: JetStreamSubscriberOptions) {
    this.logger = options.logger ?? consoleLogger;
  }

  /** Rejects if the consumer cannot be created or consumed (the reference ignored that error, §14.2 #24). */
  async subscribe(options: SubscriptionOptions, handler: MessageHandler): Promise<Subscription> {
    const settings = {
      ackWaitMs: options.ackWaitMs ?? defaults.ackWaitMs,
      maxDeliver: options.maxDeliver ?? defaults.maxDeliver,
      backoffMs: options.backoffMs?.length ? options.backoffMs : defaults.backoffMs,
      concurrency: options.concurrency ?? defaults.concurrency,
      maxHandlingMs: options.maxHandlingMs ?? (options.ackWaitMs ?? defaults.ackWaitMs) * defaults.maxHandlingAckWaits,
    };
    if (!Number.isInteger(settings.concurrency) || settings.concurrency < 1) throw new RangeError(`concurrency must be a positive integer, got ${settings.concurrency}`);
    if (!Number.isInteger(settings.maxDeliver) || settings.maxDeliver < 1) throw new RangeError(`maxDeliver must be a positive integer, got ${settings.maxDeliver}`);
    const { connection, stream, deadLetters } = this.options;
    const spec = { stream, group: options.group, subject: options.subject, ...settings };
    const open = async () => {
      await ensureDurableConsumer(connection.jsm, spec);
      const consumer = await connection.js.consumers.get(stream, options.group);
      // abort_on_missing_resource: a consumer deleted under us ends the loop (which then re-creates it) instead of
      // pulling into the void.
      return consumer.consume({ max_messages: settings.concurrency, abort_on_missing_resource: true });
    };
    return await JetStreamSubscription.start(open, settings.concurrency, {
      consumer: options.group,
      filter: options.filter ? new Set(options.filter) : undefined,
      handler,
      deadLetters,
      ackWaitMs: settings.ackWaitMs,
      maxHandlingMs: settings.maxHandlingMs,
      maxDeliver: settings.maxDeliver,
      backoffMs: settings.backoffMs,
      logger: this.logger,
      acks: new AckBatcher(),
    }, () => connection.nc.flush());
  }
}
