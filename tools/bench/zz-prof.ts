import { startInfra, destroyInfra } from '../infra/infra.ts';
import { inboxConsumer } from './lib-benches.ts';
import { rawInsertCommits } from './baselines.ts';
const s = await startInfra({ name: 'consprof', profile: 'bench' });
const raw = await rawInsertCommits(s.postgres.url, 16, 3000);
const t0 = performance.now();
const c = await inboxConsumer(s.postgres.url, s.nats.url, 10000, Number(process.env.C ?? 32));
console.log({ raw, consumer: c, ratio: c / raw, ms: performance.now() - t0 });
await destroyInfra('consprof');
