import { Counter, Gauge, type Registry } from 'prom-client';

/** What one relay reports about its outbox when the registry is scraped. */
export type BacklogProbe = () => Promise<{ count: number; oldestAgeSeconds: number }>;

export interface RelayMetrics {
  published(count: number): void;
  publishFailed(count: number): void;
  /** Registers the backlog probe behind `outbox_backlog` / `outbox_lag_seconds`; returns the unregister function. */
  observeBacklog(probe: BacklogProbe): () => void;
}

interface Shared {
  published: Counter<'service'>;
  failures: Counter<'service'>;
  probes: Map<string, BacklogProbe>;
}

// Metrics are registered once per registry: several relays (one per service in a monolith, or tests) share them,
// distinguished by the `service` label.
const perRegistry = new WeakMap<Registry, Shared>();

/**
 * Outbox metrics (architecture §4.11: backlog and lag are the relay's health signal; the reference had none, #16).
 * Backlog and lag are read from the database at scrape time, so they are right even while the relay is a
 * standby or the broker is down — exactly when they matter.
 */
export function relayMetrics(registry: Registry, service?: string): RelayMetrics {
  const shared = perRegistry.get(registry) ?? register(registry);
  const labels = service === undefined ? {} : { service };
  const key = service ?? '';
  return {
    published: (count) => shared.published.inc(labels, count),
    publishFailed: (count) => shared.failures.inc(labels, count),
    observeBacklog(probe) {
      shared.probes.set(key, probe);
      return () => {
        if (shared.probes.get(key) === probe) shared.probes.delete(key);
      };
    },
  };
}

function register(registry: Registry): Shared {
  const probes = new Map<string, BacklogProbe>();
  type Sample = { count: number; oldestAgeSeconds: number };
  const fill = async (gauge: Gauge<'service'>, pick: (s: Sample) => number) => {
    const samples = await Promise.all([...probes].map(async ([key, probe]) => [key, await probe().catch(() => undefined)] as const));
    gauge.reset();
    // A failing probe (database down) leaves its series out rather than failing the whole scrape.
    for (const [key, s] of samples) if (s) gauge.set(key === '' ? {} : { service: key }, pick(s));
  };
  const shared: Shared = {
    probes,
    published: new Counter({ name: 'outbox_published_total', help: 'Outbox messages published and acked by the broker', labelNames: ['service'], registers: [registry] }),
    failures: new Counter({ name: 'outbox_publish_failures_total', help: 'Outbox messages the broker did not accept (retried)', labelNames: ['service'], registers: [registry] }),
  };
  new Gauge({
    name: 'outbox_backlog',
    help: 'Outbox messages not yet published',
    labelNames: ['service'],
    registers: [registry],
    async collect() {
      await fill(this, (s) => s.count);
    },
  });
  new Gauge({
    name: 'outbox_lag_seconds',
    help: 'Age of the oldest unpublished outbox message',
    labelNames: ['service'],
    registers: [registry],
    async collect() {
      await fill(this, (s) => s.oldestAgeSeconds);
    },
  });
  perRegistry.set(registry, shared);
  return shared;
}
