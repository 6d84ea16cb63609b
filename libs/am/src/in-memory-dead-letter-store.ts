import type { IncomingMessage, Message } from './message.js';
import type { DeadLetter, DeadLetterStore, FailureRecord } from './ports.js';

/** DeadLetterStore for tests and the InMemoryBroker; same contract as libs/tm's PostgreSQL store. */
export class InMemoryDeadLetterStore implements DeadLetterStore {
  /** Failures not yet part of a dead letter, by consumer and message id. */
  private readonly pending = new Map<string, FailureRecord[]>();
  private readonly deadLetters = new Map<string, DeadLetter>();

  async recordFailure(consumer: string, message: IncomingMessage, error: string): Promise<void> {
    const key = keyOf(consumer, message.id);
    this.pending.set(key, [...(this.pending.get(key) ?? []), failure(message, error)]);
  }

  async deadLetter(consumer: string, message: IncomingMessage, error: string): Promise<DeadLetter> {
    const key = keyOf(consumer, message.id);
    const earlier = this.deadLetters.get(key)?.errors ?? [];
    const deadLetter: DeadLetter = {
      id: message.id,
      consumer,
      message: stored(message),
      errors: [...earlier, ...(this.pending.get(key) ?? []), failure(message, error)],
      deadLetteredAt: new Date(),
    };
    this.pending.delete(key);
    // Re-inserted so that map order stays dead-lettering order (list is oldest first).
    this.deadLetters.delete(key);
    this.deadLetters.set(key, deadLetter);
    return deadLetter;
  }

  async list(filter: { consumer?: string; includeReplayed?: boolean; limit?: number } = {}): Promise<DeadLetter[]> {
    const matching = [...this.deadLetters.values()].filter(
      (d) => (filter.consumer === undefined || d.consumer === filter.consumer) && (filter.includeReplayed || !d.replayedAt),
    );
    return filter.limit === undefined ? matching : matching.slice(0, filter.limit);
  }

  async get(consumer: string, id: string): Promise<DeadLetter | undefined> {
    return this.deadLetters.get(keyOf(consumer, id));
  }

  async markReplayed(consumer: string, id: string): Promise<void> {
    const key = keyOf(consumer, id);
    const deadLetter = this.deadLetters.get(key);
    if (deadLetter) this.deadLetters.set(key, { ...deadLetter, replayedAt: new Date() });
  }

  async count(): Promise<number> {
    return [...this.deadLetters.values()].filter((d) => !d.replayedAt).length;
  }
}

function keyOf(consumer: string, id: string): string {
  return `${consumer}\u0000${id}`;
}

function failure(message: IncomingMessage, error: string): FailureRecord {
  return { attempt: message.deliveryAttempt, error, at: new Date() };
}

/** Only the Message is kept: the delivery fields describe one attempt, not the message. */
function stored(message: IncomingMessage): Message {
  const { receivedAt: _receivedAt, deliveryAttempt: _attempt, consumer: _consumer, ...rest } = message;
  return rest;
}
