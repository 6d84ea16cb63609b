import type { Consumer, ConsumerMessages, JsMsg } from '@nats-io/jetstream';
import type { Subscription } from '../ports.js';
import { handleDelivery, type DeliveryPolicy } from './delivery.js';
import { errorMessage } from './logger.js';

/**
 * A running consume loop: pulls from the durable consumer and keeps at most `concurrency` handlers in flight.
 * With the consumer's max_ack_pending equal to the same number the client never holds more than that either.
 * (Measured: letting the client hold twice as many, as a prefetch, made the inbox consumer slower, not faster.)
 */
export class JetStreamSubscription implements Subscription {
  private readonly inFlight = new Set<Promise<void>>();
  private readonly loop: Promise<void>;

  private constructor(
    private readonly messages: ConsumerMessages,
    private readonly concurrency: number,
    private readonly policy: DeliveryPolicy,
    private readonly flush: () => Promise<void>,
  ) {
    this.loop = this.run();
    void this.watchStatus();
  }

  get group(): string {
    return this.policy.consumer;
  }

  /** `flush` round-trips the connection: the server has then processed every ack sent before it. */
  static async start(consumer: Consumer, concurrency: number, policy: DeliveryPolicy, flush: () => Promise<void>): Promise<JetStreamSubscription> {
    // abort_on_missing_resource: a consumer deleted under us ends the loop loudly instead of pulling into the void.
    const messages = await consumer.consume({ max_messages: concurrency, abort_on_missing_resource: true });
    return new JetStreamSubscription(messages, concurrency, policy, flush);
  }

  /**
   * Stops pulling, lets the messages already received be handled, waits for every handler and its ack/nak, then
   * returns: a SIGTERM never leaves a half-handled message behind (architecture §4.13).
   */
  async drain(): Promise<void> {
    await this.messages.close();
    await this.loop;
    await Promise.all(this.inFlight);
    this.policy.acks.flush();
    await this.flush();
  }

  private async run(): Promise<void> {
    try {
      for await (const msg of this.messages) {
        while (this.inFlight.size >= this.concurrency) await Promise.race(this.inFlight);
        this.dispatch(msg);
      }
    } catch (err) {
      this.policy.logger.error({ consumer: this.group, err: errorMessage(err) }, 'consume loop stopped');
    }
  }

  private dispatch(msg: JsMsg): void {
    const running = handleDelivery(msg, this.policy).finally(() => this.inFlight.delete(running));
    this.inFlight.add(running);
  }

  private async watchStatus(): Promise<void> {
    for await (const status of this.messages.status()) {
      if (status.type === 'heartbeats_missed' || status.type === 'consumer_deleted' || status.type === 'consumer_not_found' || status.type === 'stream_not_found') {
        this.policy.logger.warn({ consumer: this.group, status }, 'JetStream consumer status');
      }
    }
  }
}
