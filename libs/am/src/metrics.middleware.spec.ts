import { describe, expect, it } from '@jest/globals';
import { Registry } from 'prom-client';
import { InMemoryDeadLetterStore } from './in-memory-dead-letter-store.js';
import type { IncomingMessage, Message } from './message.js';
import { deadLetterGauge, receivedMessagesMiddleware, sentMessagesCounter } from './metrics.middleware.js';
import { withMiddleware } from './ports.js';

const message = (name: string): IncomingMessage => ({
  id: `id-${name}`,
  name,
  subject: 'mallbots.test',
  payload: new Uint8Array(),
  headers: {},
  occurredAt: new Date(),
  receivedAt: new Date(),
  deliveryAttempt: 1,
  consumer: 'g',
});

async function valueOf(registry: Registry, name: string, labels: Record<string, string>): Promise<number | undefined> {
  // Histogram series (`_count`, `_bucket`) are values of the base metric, named by `metricName`.
  const values = (await registry.getMetricsAsJSON()).flatMap((m) => m.values.map((v) => ({ ...v, series: (v as { metricName?: string }).metricName ?? m.name })));
  return values.find((v) => v.series === name && Object.entries(labels).every(([k, l]) => String(v.labels[k]) === l))?.value;
}

describe('receivedMessagesMiddleware', () => {
  it('counts and times each message under its name and "all", split by whether it was handled', async () => {
    const registry = new Registry();
    const handle = withMiddleware(async (m) => {
      if (m.name === 'x.Bad') throw new Error('nope');
    }, receivedMessagesMiddleware('baskets', registry));

    await handle(message('x.Good'));
    await handle(message('x.Good'));
    await expect(handle(message('x.Bad'))).rejects.toThrow('nope');

    expect(await valueOf(registry, 'baskets_received_messages_count', { message: 'x.Good', handled: 'true' })).toBe(2);
    expect(await valueOf(registry, 'baskets_received_messages_count', { message: 'x.Bad', handled: 'false' })).toBe(1);
    expect(await valueOf(registry, 'baskets_received_messages_count', { message: 'all', handled: 'true' })).toBe(2);
    expect(await valueOf(registry, 'baskets_received_messages_count', { message: 'all', handled: 'false' })).toBe(1);
    expect(await valueOf(registry, 'baskets_received_messages_latency_seconds_count', { message: 'all', handled: 'true' })).toBe(2);
    expect(await valueOf(registry, 'baskets_received_messages_latency_seconds_bucket', { message: 'all', handled: 'true', le: '0.01' })).toBe(2);
  });

  it('can be created twice on one registry, sharing its metrics', async () => {
    const registry = new Registry();
    const first = withMiddleware(async () => undefined, receivedMessagesMiddleware('svc', registry));
    const second = withMiddleware(async () => undefined, receivedMessagesMiddleware('svc', registry));
    await first(message('x.A'));
    await second(message('x.A'));
    expect(await valueOf(registry, 'svc_received_messages_count', { message: 'x.A', handled: 'true' })).toBe(2);
  });
});

describe('sentMessagesCounter', () => {
  it('counts each sent message under its name and "all"', async () => {
    const registry = new Registry();
    const sent = sentMessagesCounter('stores', registry);
    sent.inc([message('x.A'), message('x.B'), message('x.A')] satisfies Message[]);
    sentMessagesCounter('stores', registry).inc([message('x.B')]);
    expect(await valueOf(registry, 'stores_sent_messages_count', { message: 'x.A' })).toBe(2);
    expect(await valueOf(registry, 'stores_sent_messages_count', { message: 'x.B' })).toBe(2);
    expect(await valueOf(registry, 'stores_sent_messages_count', { message: 'all' })).toBe(4);
  });
});

describe('deadLetterGauge', () => {
  it('reads the open dead letters from the newest store at scrape time', async () => {
    const registry = new Registry();
    const old = new InMemoryDeadLetterStore();
    deadLetterGauge('depot', old, registry);
    await old.deadLetter('g', message('x.A'), 'boom');
    expect(await valueOf(registry, 'depot_dead_letters', {})).toBe(1);

    const store = new InMemoryDeadLetterStore();
    deadLetterGauge('depot', store, registry);
    expect(await valueOf(registry, 'depot_dead_letters', {})).toBe(0);
    await store.deadLetter('g', message('x.A'), 'boom');
    await store.deadLetter('g', message('x.B'), 'boom');
    expect(await valueOf(registry, 'depot_dead_letters', {})).toBe(2);
  });

  it('keeps its last value instead of failing the whole scrape when the store cannot count (database down)', async () => {
    const registry = new Registry();
    const store = new InMemoryDeadLetterStore();
    deadLetterGauge('depot', store, registry);
    await store.deadLetter('g', message('x.A'), 'boom');
    expect(await valueOf(registry, 'depot_dead_letters', {})).toBe(1);

    store.count = () => Promise.reject(new Error('connection refused'));
    await expect(registry.metrics()).resolves.toContain('depot_dead_letters 1');
  });
});
