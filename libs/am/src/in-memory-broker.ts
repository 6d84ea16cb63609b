import { decodeEnvelope, encodeEnvelope } from './envelope.js';
import { isMalformedMessageError } from './malformed-message.error.js';
import type { IncomingMessage, Message } from './message.js';
import {
  type DeadLetterStore,
  type MessageHandler,
  type MessagePublisher,
  type MessageSubscriber,
  PublishError,
  subscriptionDefaults,
  type Subscription,
  type SubscriptionOptions,
} from './ports.js';
import { brokerMessageId } from './replay.js';

export interface InMemoryBrokerOptions {
  readonly deadLetters: DeadLetterStore;
  /** Like a stream capturing `<prefix>.>`: publishing elsewhere is rejected. Absent: every subject is captured. */
  readonly subjectPrefix?: string;
  /** How long a publish id is remembered for de-duplication (JetStream's duplicate window). Default 2 min. */
  readonly dedupWindowMs?: number;
}


interface StoredMessage {
  readonly subject: string;
  /** The wire body: every delivery decodes it, as a JetStream consumer does, so the envelope is exercised too. */
  readonly body: Uint8Array;
  /** The broker-level id (JetStream's Nats-Msg-Id), which is all that is known of a body that does not decode. */
  readonly brokerId: string;
  readonly storedAt: Date;
}

interface Delivery {
  readonly index: number;
  readonly attempt: number;
}

/**
 * A broker in memory with the delivery semantics of the JetStream adapter, for unit tests of services and
 * libraries: messages are retained per subject (a new group starts from the first, like a DeliverAll durable); one
 * cursor per group shared by its subscriptions (competing consumers); names outside the filter are acked unseen; a
 * failing delivery is recorded and redelivered after the backoff, and dead-lettered after `maxDeliver` deliveries
 * (a MalformedMessageError at once); publishes are de-duplicated by `brokerMessageId` within a window.
 * Unlike JetStream it never redelivers a message whose handler is still running (no ack-wait expiry).
 */
export class InMemoryBroker implements MessagePublisher, MessageSubscriber {
  private readonly log: StoredMessage[] = [];
  private readonly recentIds = new Map<string, number>();
  private readonly groups = new Map<string, ConsumerGroup>();

  constructor(private readonly options: InMemoryBrokerOptions) {}

  async publish(messages: readonly Message[]): Promise<void> {
    const failed: string[] = [];
    const reasons: string[] = [];
    const now = Date.now();
    this.forgetExpiredIds(now - (this.options.dedupWindowMs ?? 120_000));
    for (const message of messages) {
      if (!this.captures(message.subject)) {
        failed.push(message.id);
        reasons.push(`no stream captures ${message.subject}`);
        continue;
      }
      const dedupId = brokerMessageId(message);
      if (this.recentIds.has(dedupId)) continue; // accepted earlier: a duplicate is a success, as JetStream acks it
      let body: Uint8Array;
      try {
        body = encodeEnvelope(message, new Date(now));
      } catch (err) {
        failed.push(message.id);
        reasons.push((err as Error).message);
        continue;
      }
      this.recentIds.set(dedupId, now);
      this.log.push({ subject: message.subject, body, brokerId: dedupId, storedAt: new Date(now) });
    }
    for (const group of this.groups.values()) group.pump();
    if (failed.length > 0) throw new PublishError(`${failed.length} of ${messages.length} messages not accepted: ${reasons.join('; ')}`, failed);
  }

  /** Stores a body that is not an envelope, as a broken or foreign producer could (tests of the dead-letter path). */
  async publishRaw(subject: string, body: Uint8Array, brokerId: string): Promise<void> {
    if (!this.captures(subject)) throw new PublishError(`no stream captures ${subject}`, [brokerId]);
    this.log.push({ subject, body, brokerId, storedAt: new Date() });
    for (const group of this.groups.values()) group.pump();
  }

  async subscribe(options: SubscriptionOptions, handler: MessageHandler): Promise<Subscription> {
    if (!options.subject || !options.group) throw new Error('subscribe needs a subject and a group');
    if ((options.concurrency ?? 1) < 1 || (options.maxDeliver ?? 1) < 1) throw new Error('concurrency and maxDeliver must be at least 1');
    let group = this.groups.get(options.group);
    if (!group) {
      group = new ConsumerGroup(options, this.log, this.options.deadLetters);
      this.groups.set(options.group, group);
    } else if (group.subject !== options.subject) {
      // A durable is bound to one subject; JetStream refuses to rebind it as well.
      throw new Error(`group ${options.group} already consumes ${group.subject}, not ${options.subject}`);
    }
    return group.add(options, handler);
  }

  private captures(subject: string): boolean {
    const prefix = this.options.subjectPrefix;
    return prefix === undefined || subject.startsWith(`${prefix}.`);
  }

  private forgetExpiredIds(cutoff: number): void {
    // Insertion order is acceptance order, so the expired ids (accepted at or before the cutoff) are at the front.
    for (const [id, acceptedAt] of this.recentIds) {
      if (acceptedAt > cutoff) break;
      this.recentIds.delete(id);
    }
  }
}

class GroupSubscription implements Subscription {
  inFlight = 0;
  closed = false;
  private idleWaiters: (() => void)[] = [];

  constructor(
    readonly group: string,
    readonly handler: MessageHandler,
    readonly filter: ReadonlySet<string> | undefined,
    readonly concurrency: number,
    private readonly detach: (subscription: GroupSubscription) => void,
  ) {}

  get hasCapacity(): boolean {
    return !this.closed && this.inFlight < this.concurrency;
  }

  settled(): void {
    this.inFlight--;
    if (this.inFlight === 0) for (const wake of this.idleWaiters.splice(0)) wake();
  }

  async drain(): Promise<void> {
    this.closed = true;
    this.detach(this);
    if (this.inFlight > 0) await new Promise<void>((resolve) => this.idleWaiters.push(resolve));
  }
}

/** One durable consumer: its cursor, its pending redeliveries and the subscriptions competing for it. */
class ConsumerGroup {
  readonly subject: string;
  private readonly name: string;
  private readonly maxDeliver: number;
  private readonly backoffMs: readonly number[];
  private cursor = 0;
  private redeliveries: (Delivery & { dueAt: number })[] = [];
  private subscriptions: GroupSubscription[] = [];
  private nextSubscription = 0;
  private wakeTimer: ReturnType<typeof setTimeout> | undefined;
  private pumping = false;

  constructor(
    options: SubscriptionOptions,
    private readonly log: readonly StoredMessage[],
    private readonly deadLetters: DeadLetterStore,
  ) {
    // Like a durable's configuration, the first subscription's settings hold for the group.
    this.subject = options.subject;
    this.name = options.group;
    this.maxDeliver = options.maxDeliver ?? subscriptionDefaults.maxDeliver;
    this.backoffMs = options.backoffMs?.length ? options.backoffMs : subscriptionDefaults.backoffMs;
  }

  add(options: SubscriptionOptions, handler: MessageHandler): Subscription {
    const filter = options.filter ? new Set(options.filter) : undefined;
    const subscription = new GroupSubscription(this.name, handler, filter, options.concurrency ?? subscriptionDefaults.concurrency, (s) => this.remove(s));
    this.subscriptions.push(subscription);
    this.pump();
    return subscription;
  }

  /** Hands out work while some subscription has capacity and some delivery is due. */
  pump(): void {
    if (this.pumping) return;
    this.pumping = true;
    try {
      for (let subscription = this.freeSubscription(); subscription; subscription = this.freeSubscription()) {
        const delivery = this.nextDelivery();
        if (!delivery) break;
        void this.deliver(subscription, delivery);
      }
      this.scheduleWake();
    } finally {
      this.pumping = false;
    }
  }

  private remove(subscription: GroupSubscription): void {
    this.subscriptions = this.subscriptions.filter((s) => s !== subscription);
    if (this.subscriptions.length === 0 && this.wakeTimer) {
      clearTimeout(this.wakeTimer);
      this.wakeTimer = undefined;
    }
  }

  /** Round robin over the subscriptions with capacity, so competing consumers share the work. */
  private freeSubscription(): GroupSubscription | undefined {
    for (let i = 0; i < this.subscriptions.length; i++) {
      const subscription = this.subscriptions[(this.nextSubscription + i) % this.subscriptions.length]!;
      if (subscription.hasCapacity) {
        this.nextSubscription = (this.nextSubscription + i + 1) % this.subscriptions.length;
        return subscription;
      }
    }
    return undefined;
  }

  private nextDelivery(): Delivery | undefined {
    const now = Date.now();
    const due = this.redeliveries.findIndex((r) => r.dueAt <= now);
    if (due >= 0) return this.redeliveries.splice(due, 1)[0];
    while (this.cursor < this.log.length) {
      const index = this.cursor++;
      if (matches(this.subject, this.log[index]!.subject)) return { index, attempt: 1 };
    }
    return undefined;
  }

  private scheduleWake(): void {
    if (this.wakeTimer || this.subscriptions.length === 0 || this.redeliveries.length === 0) return;
    const dueAt = Math.min(...this.redeliveries.map((r) => r.dueAt));
    this.wakeTimer = setTimeout(() => {
      this.wakeTimer = undefined;
      this.pump();
    }, Math.max(0, dueAt - Date.now()));
    this.wakeTimer.unref();
  }

  /** Settles the delivery (handled, redelivery scheduled or dead-lettered); never rejects. */
  private async deliver(subscription: GroupSubscription, delivery: Delivery): Promise<void> {
    subscription.inFlight++;
    const stored = this.log[delivery.index]!;
    try {
      let message: IncomingMessage;
      try {
        message = { ...decodeEnvelope(stored.body, stored.subject), receivedAt: new Date(), deliveryAttempt: delivery.attempt, consumer: this.name };
      } catch (err) {
        // Fails the same way on every delivery: dead-lettered at once with the raw body, as the JetStream adapter does.
        return await this.deadLetterOrRetry(delivery, rawMessage(stored, delivery.attempt, this.name), `undecodable message: ${describe(err)}`);
      }
      if (subscription.filter && !subscription.filter.has(message.name)) return; // acked unseen (§4.2)
      if (delivery.attempt > this.maxDeliver) {
        // Only after a dead-letter write failed on the last delivery: the handler does not run again (as JetStream).
        return await this.deadLetterOrRetry(delivery, message, `not handled after ${this.maxDeliver} deliveries (the dead letter could not be stored)`);
      }
      try {
        await subscription.handler(message);
      } catch (err) {
        await this.failed(delivery, message, err);
      }
    } finally {
      subscription.settled();
      this.pump();
    }
  }

  private async failed(delivery: Delivery, message: IncomingMessage, err: unknown): Promise<void> {
    const error = describe(err);
    if (isMalformedMessageError(err) || delivery.attempt >= this.maxDeliver) return this.deadLetterOrRetry(delivery, message, error);
    // The history misses one record if this fails, but the redelivery must happen regardless.
    await this.deadLetters.recordFailure(this.name, message, error).catch(() => undefined);
    this.redeliver(delivery);
  }

  /** Acked only once the dead letter is stored; otherwise redelivered, and dead-lettered on a later attempt. */
  private async deadLetterOrRetry(delivery: Delivery, message: IncomingMessage, error: string): Promise<void> {
    try {
      await this.deadLetters.deadLetter(this.name, message, error);
    } catch {
      this.redeliver(delivery);
    }
  }

  private redeliver(delivery: Delivery): void {
    const delay = this.backoffMs[Math.min(delivery.attempt - 1, this.backoffMs.length - 1)]!;
    this.redeliveries.push({ index: delivery.index, attempt: delivery.attempt + 1, dueAt: Date.now() + delay });
  }
}

/** What can be kept of a stored body that does not decode. */
function rawMessage(stored: StoredMessage, attempt: number, consumer: string): IncomingMessage {
  return { id: stored.brokerId, name: '', subject: stored.subject, payload: stored.body, headers: {}, occurredAt: stored.storedAt, receivedAt: new Date(), deliveryAttempt: attempt, consumer };
}

/** NATS subject matching: `*` is one token, a trailing `>` the rest. */
function matches(pattern: string, subject: string): boolean {
  const want = pattern.split('.');
  const have = subject.split('.');
  for (let i = 0; i < want.length; i++) {
    if (want[i] === '>') return have.length > i;
    if (i >= have.length || (want[i] !== '*' && want[i] !== have[i])) return false;
  }
  return want.length === have.length;
}

function describe(err: unknown): string {
  return err instanceof Error ? `${err.name}: ${err.message}` : String(err);
}
