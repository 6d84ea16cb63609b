import type { ConsumerMessages, JsMsg } from '@nats-io/jetstream';
import type { Subscription } from '../ports.js';
import { handleDelivery, type DeliveryPolicy } from './delivery.js';
import { errorMessage } from './logger.js';

/** Opens (creating the durable consumer again if it was deleted) a consume iterator on the group's consumer. */
export type OpenConsumer = () => Promise<ConsumerMessages>;

/** Pauses before reopening a consume loop that ended by itself; the last value repeats. */
const REOPEN_DELAYS_MS = [100, 1_000, 2_000, 5_000];

/**
 * A running consume loop: pulls from the durable consumer and keeps at most `concurrency` handlers in flight.
 * With the consumer's max_ack_pending equal to the same number the client never holds more than that either.
 * (Measured: letting the client hold twice as many, as a prefetch, made the inbox consumer slower, not faster.)
 *
 * A loop that ends without drain() — the consumer or stream was deleted, the client gave up on heartbeats — is
 * reopened with backoff, re-creating the durable consumer, so a service never keeps running with a silently dead
 * subscription.
 */
export class JetStreamSubscription implements Subscription {
  private readonly inFlight = new Set<Promise<void>>();
  private readonly loop: Promise<void>;
  private draining = false;
  private wakeFromPause: (() => void) | undefined;

  private constructor(
    private messages: ConsumerMessages,
    private readonly open: OpenConsumer,
    private readonly concurrency: number,
    private readonly policy: DeliveryPolicy,
    private readonly flush: () => Promise<void>,
  ) {
    this.loop = this.run();
  }

  get group(): string {
    return this.policy.consumer;
  }

  /** `flush` round-trips the connection: the server has then processed every ack sent before it. */
  static async start(open: OpenConsumer, concurrency: number, policy: DeliveryPolicy, flush: () => Promise<void>): Promise<JetStreamSubscription> {
    return new JetStreamSubscription(await open(), open, concurrency, policy, flush);
  }

  /**
   * Stops pulling, lets the messages already received be handled, waits for every handler and its ack/nak, then
   * returns: a SIGTERM never leaves a half-handled message behind (architecture §4.13).
   */
  async drain(): Promise<void> {
    this.draining = true;
    this.wakeFromPause?.();
    await this.messages.close();
    await this.loop;
    await Promise.all(this.inFlight);
    this.policy.acks.flush();
    await this.flush();
  }

  private async run(): Promise<void> {
    let reopenAttempt = 0;
    for (;;) {
      void this.watchStatus(this.messages);
      try {
        for await (const msg of this.messages) {
          reopenAttempt = 0;
          while (this.inFlight.size >= this.concurrency) await Promise.race(this.inFlight);
          this.dispatch(msg);
        }
      } catch (err) {
        this.policy.logger.error({ consumer: this.group, err: errorMessage(err) }, 'consume loop stopped');
      }
      // Reopen until it works or drain() is called; each failure waits a little longer.
      for (;;) {
        if (this.draining) return;
        await this.pause(REOPEN_DELAYS_MS[Math.min(reopenAttempt++, REOPEN_DELAYS_MS.length - 1)]!);
        if (this.draining) return;
        try {
          this.messages = await this.open();
          this.policy.logger.warn({ consumer: this.group }, 'consume loop reopened');
          break;
        } catch (err) {
          this.policy.logger.error({ consumer: this.group, err: errorMessage(err) }, 'could not reopen the consume loop; retrying');
        }
      }
    }
  }

  private dispatch(msg: JsMsg): void {
    const running = handleDelivery(msg, this.policy).finally(() => this.inFlight.delete(running));
    this.inFlight.add(running);
  }

  private pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wakeFromPause = done;
    });
  }

  private async watchStatus(messages: ConsumerMessages): Promise<void> {
    for await (const status of messages.status()) {
      if (status.type === 'heartbeats_missed' || status.type === 'consumer_deleted' || status.type === 'consumer_not_found' || status.type === 'stream_not_found') {
        this.policy.logger.warn({ consumer: this.group, status }, 'JetStream consumer status');
      }
    }
  }
}
