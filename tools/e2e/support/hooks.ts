// Around every scenario: a failed one carries the last calls and answers (printed by the summary), and a service an
// @outage scenario stopped is started again whatever happened, so the next scenario finds the whole system.
import { After, Status } from '@cucumber/cucumber';
import { restartStoppedServices } from './system-control.ts';
import type { MallWorld } from './world.ts';

After(async function (this: MallWorld, { result }) {
  if (result && result.status !== Status.PASSED) {
    const calls = this.api.recent().map((e) => `${e.call}\n  → ${e.status} ${JSON.stringify(e.answer)}`);
    if (calls.length > 0) this.attach(`the last calls through the gateway (scenario tag ${this.tag}):\n${calls.join('\n')}`, 'text/plain');
  }
  await restartStoppedServices();
});
