import type { JsMsg } from '@nats-io/jetstream';

/**
 * Sends the acks produced during one turn of the event loop together. nats.js writes to the socket once per
 * microtask checkpoint, and the acks of messages that a group commit (libs/tm inbox) settled at once arrive in
 * different microtasks, so each cost a socket write of its own (≈ a fifth of the consumer's CPU on the benchmark
 * machine). Queued here and sent from one setImmediate callback, they share one write. The delay is at most one
 * event-loop turn, and `flush` sends what is queued at once (drain calls it before flushing the connection).
 *
 * Plain acks, not confirmed ones: ackAck is a request/reply per message, and the inbox consumer of bench:libs ran
 * ~40% faster without it. An ack lost on the way only means a redelivery after ackWait, which the consumer's inbox
 * skips; after drain() every ack has reached the server.
 */
export class AckBatcher {
  private pending: JsMsg[] = [];
  private scheduled = false;

  ack(msg: JsMsg): void {
    this.pending.push(msg);
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => this.flush());
  }

  flush(): void {
    this.scheduled = false;
    const acks = this.pending;
    this.pending = [];
    for (const msg of acks) msg.ack();
  }
}
