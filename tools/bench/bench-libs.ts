// `npm run bench:libs`: throughput and latency of the shared libraries against raw PostgreSQL and JetStream
// baselines measured in the same run, on throwaway servers with PostgreSQL's durable defaults (profile `bench`).
// Prints one table. Options: --quick (shorter runs, for a smoke check).
import { startInfra, destroyInfra } from '../infra/infra.ts';
import { step } from '../infra/log.ts';
import { rawInsertCommits, rawPublish, rawConsume } from './baselines.ts';
import { fmt } from './stats.ts';
import { spawnSync } from 'node:child_process';
import { workspaceRoot } from '../infra/infra.ts';

interface Row {
  name: string;
  value: number;
  unit: string;
  baseline?: { name: string; value: number };
  target?: { ratio?: number; max?: number };
}

function printTable(rows: Row[]): void {
  const lines = [
    '| measurement | result | baseline (same run) | ratio | target | met |',
    '|---|---|---|---|---|---|',
    ...rows.map((r) => {
      const ratio = r.baseline ? r.value / r.baseline.value : undefined;
      const target = r.target?.ratio !== undefined ? `≥ ${Math.round(r.target.ratio * 100)}% of baseline` : r.target?.max !== undefined ? `≤ ${r.target.max} ${r.unit}` : '';
      const met =
        r.target?.ratio !== undefined && ratio !== undefined ? (ratio >= r.target.ratio ? 'yes' : 'NO') : r.target?.max !== undefined ? (r.value <= r.target.max ? 'yes' : 'NO') : '';
      return `| ${r.name} | ${fmt(r.value, r.unit === 'ms' ? 1 : 0)} ${r.unit} | ${r.baseline ? `${r.baseline.name}: ${fmt(r.baseline.value)}` : ''} | ${ratio !== undefined ? `${fmt(ratio * 100)}%` : ''} | ${target} | ${met} |`;
    }),
  ];
  console.log(lines.join('\n'));
}

export async function benchLibs(args: string[]): Promise<number> {
  const quick = args.includes('--quick');
  const durationMs = quick ? 2_000 : 10_000;
  const messages = quick ? 5_000 : 50_000;
  const name = `bench-${process.pid}`;
  // The measurements import the built libraries (node_modules/@mallbots/* → libs/*/dist).
  step('building the libraries…');
  const build = spawnSync('npx', ['nx', 'run-many', '-t', 'build', '--outputStyle=static'], { cwd: workspaceRoot, stdio: 'inherit', env: { ...process.env, NX_DAEMON: 'false' } });
  if (build.status !== 0) return build.status ?? 1;
  const lib = await import('./lib-benches.ts');
  try {
    const state = await startInfra({ name, profile: 'bench' });
    const pgUrl = state.postgres.url;
    const natsUrl = state.nats.url;
    step(`raw PostgreSQL single-row insert commits at concurrency 16 (${durationMs / 1000} s)…`);
    const rawInsert = await rawInsertCommits(pgUrl, 16, durationMs);
    step(`raw JetStream async publish of ${messages} messages…`);
    const rawPub = await rawPublish(natsUrl, 'benchraw', messages, 256);
    step(`raw JetStream pull consume + ack of ${messages} messages…`);
    const rawCon = await rawConsume(natsUrl, 'benchraw', messages);
    step(`event store: single-event appends at concurrency 16 (${durationMs / 1000} s)…`);
    const appends = await lib.eventStoreAppends(pgUrl, 16, durationMs, false);
    step(`event store: single-event appends, each in its own explicit transaction, at concurrency 16 (${durationMs / 1000} s)…`);
    const appendsTx = await lib.eventStoreAppends(pgUrl, 16, durationMs, true);
    step(`outbox relay: draining ${messages} rows…`);
    const relay = await lib.relayDrain(pgUrl, natsUrl, messages, 256);
    step(`commit-to-published latency at a steady 1,000 msgs/s (${durationMs / 1000} s)…`);
    const latency = await lib.commitToPublished(pgUrl, natsUrl, 1000, durationMs);
    step(`consumer through inbox + transaction: ${messages / 5} messages at concurrency 32…`);
    const consumer = await lib.inboxConsumer(pgUrl, natsUrl, messages / 5, 32);
    const rawInsertBaseline = { name: 'raw inserts/s', value: rawInsert };
    const rows: Row[] = [
      { name: 'raw PostgreSQL single-row insert commits/s (c=16)', value: rawInsert, unit: 'commits/s' },
      { name: 'raw JetStream async publish', value: rawPub, unit: 'msgs/s' },
      { name: 'raw JetStream pull consume + ack', value: rawCon, unit: 'msgs/s' },
      { name: 'event store single-event appends/s (c=16)', value: appends, unit: 'appends/s', baseline: rawInsertBaseline, target: { ratio: 0.5 } },
      { name: 'event store append in an explicit transaction (c=16)', value: appendsTx, unit: 'appends/s', baseline: rawInsertBaseline },
      { name: 'outbox relay draining a full table', value: relay, unit: 'msgs/s', baseline: { name: 'raw publish/s', value: rawPub }, target: { ratio: 0.6 } },
      { name: `commit-to-published p50 at 1,000 msgs/s (${latency.count} msgs)`, value: latency.p50, unit: 'ms' },
      { name: `commit-to-published p99 at 1,000 msgs/s`, value: latency.p99, unit: 'ms', target: { max: 50 } },
      { name: 'consumer through inbox + transaction (c=32)', value: consumer, unit: 'msgs/s', baseline: rawInsertBaseline, target: { ratio: 0.4 } },
    ];
    printTable(rows);
    return 0;
  } finally {
    await destroyInfra(name);
  }
}
