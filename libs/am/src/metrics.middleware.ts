import { Counter, Gauge, Histogram, type Metric, type Registry, register } from 'prom-client';
import type { Message } from './message.js';
import type { DeadLetterStore, HandlerMiddleware } from './ports.js';

/** Latency buckets of the reference's amprom (reference-behaviour §8.10, T06). */
const LATENCY_BUCKETS = [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];
const ALL = 'all';

/**
 * `<svc>_received_messages_count{message,handled}` and `<svc>_received_messages_latency_seconds{message,handled}`
 * (§11.2), each recorded under the message name and under "all"; handled = whether the handler succeeded.
 * Place it outside the inbox/transaction middleware so the latency covers the whole handling.
 */
export function receivedMessagesMiddleware(service: string, registry: Registry = register): HandlerMiddleware {
  const count = existing<Counter<'message' | 'handled'>>(registry, `${service}_received_messages_count`) ??
    new Counter({ name: `${service}_received_messages_count`, help: 'The number of received messages', labelNames: ['message', 'handled'], registers: [registry] });
  const latency = existing<Histogram<'message' | 'handled'>>(registry, `${service}_received_messages_latency_seconds`) ??
    new Histogram({
      name: `${service}_received_messages_latency_seconds`,
      help: 'The latency of received messages',
      labelNames: ['message', 'handled'],
      buckets: LATENCY_BUCKETS,
      registers: [registry],
    });
  return (next) => async (message) => {
    const started = process.hrtime.bigint();
    let handled = 'false';
    try {
      await next(message);
      handled = 'true';
    } finally {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      for (const name of [message.name, ALL]) {
        count.inc({ message: name, handled });
        latency.observe({ message: name, handled }, seconds);
      }
    }
  };
}

export interface SentMessagesCounter {
  inc(messages: readonly Message[]): void;
}

/** `<svc>_sent_messages_count{message}` (§11.2); the outbox counts what it stores, as the reference does. */
export function sentMessagesCounter(service: string, registry: Registry = register): SentMessagesCounter {
  const name = `${service}_sent_messages_count`;
  const count = existing<Counter<'message'>>(registry, name) ?? new Counter({ name, help: 'The number of sent messages', labelNames: ['message'], registers: [registry] });
  return {
    inc(messages) {
      for (const message of messages) {
        count.inc({ message: message.name });
        count.inc({ message: ALL });
      }
    },
  };
}

/**
 * `<svc>_dead_letters`: open dead letters, read from the store at scrape time (architecture §4.11 "DLQ size").
 * Unlike the counters it is replaced when created again, so that it reads the newest store.
 */
export function deadLetterGauge(service: string, store: DeadLetterStore, registry: Registry = register): Gauge {
  const name = `${service}_dead_letters`;
  registry.removeSingleMetric(name);
  return new Gauge({
    name,
    help: 'Messages dead-lettered after their last delivery failed and not replayed yet',
    registers: [registry],
    // A failing count (database down) must not fail the whole /metrics scrape: the gauge keeps its last value.
    async collect() {
      try {
        this.set(await store.count());
      } catch {
        /* keep the last value */
      }
    },
  });
}

/** Services and tests may build their messaging twice against one registry; a second registration would throw. */
function existing<M extends Metric>(registry: Registry, name: string): M | undefined {
  return registry.getSingleMetric(name) as M | undefined;
}
