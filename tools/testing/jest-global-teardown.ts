import { destroyInfra } from '../infra/infra.ts';

export default async function globalTeardown(): Promise<void> {
  const started = globalThis.__MALLBOTS_TEST_INFRA__;
  if (!started) return;
  if (started.kind === 'local') await destroyInfra(started.name);
  else await started.stop();
}
