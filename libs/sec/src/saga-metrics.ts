import { Counter, register, type Registry } from 'prom-client';

export type SagaOutcome = 'completed' | 'compensated' | 'failed';

/**
 * The saga metrics the dashboards read (architecture §4: saga outcomes). Idempotent per registry: several
 * orchestrators (one per saga) in one process share the same counters instead of failing on re-registration.
 */
export class SagaMetrics {
  private readonly outcomes: Counter<'saga' | 'outcome'>;
  private readonly timeouts: Counter<'saga'>;

  constructor(registry: Registry = register) {
    this.outcomes = counter(registry, 'sec_saga_outcomes_total', 'Sagas that ended, by saga name and outcome.', ['saga', 'outcome']);
    this.timeouts = counter(registry, 'sec_saga_step_timeouts_total', 'Saga steps whose reply did not arrive before the deadline.', ['saga']);
  }

  ended(saga: string, outcome: SagaOutcome): void {
    this.outcomes.inc({ saga, outcome });
  }

  stepTimedOut(saga: string): void {
    this.timeouts.inc({ saga });
  }
}

function counter<L extends string>(registry: Registry, name: string, help: string, labelNames: L[]): Counter<L> {
  const existing = registry.getSingleMetric(name);
  if (existing) return existing as Counter<L>;
  return new Counter({ name, help, labelNames, registers: [registry] });
}
