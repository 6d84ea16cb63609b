import { describe, expect, it } from '@jest/globals';
import { Registry } from 'prom-client';
import { SagaMetrics } from './saga-metrics.js';

describe('SagaMetrics', () => {
  it('shares the counters between instances on one registry', async () => {
    const registry = new Registry();
    new SagaMetrics(registry).ended('a.Saga', 'completed');
    const second = new SagaMetrics(registry);
    second.ended('a.Saga', 'completed');
    second.stepTimedOut('a.Saga');

    const outcomes = await registry.getSingleMetric('sec_saga_outcomes_total')!.get();
    expect(outcomes.values).toEqual([expect.objectContaining({ labels: { saga: 'a.Saga', outcome: 'completed' }, value: 2 })]);
    const timeouts = await registry.getSingleMetric('sec_saga_step_timeouts_total')!.get();
    expect(timeouts.values).toEqual([expect.objectContaining({ labels: { saga: 'a.Saga' }, value: 1 })]);
  });
});
