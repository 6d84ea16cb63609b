// `npm run bench:libs`: throughput and latency of the shared libraries against raw PostgreSQL and JetStream
// baselines measured in the same run, on throwaway servers with PostgreSQL's durable defaults (profile `bench`).
// Prints one table. Options: --quick (one short round, for a smoke check).
import { startInfra, destroyInfra } from '../infra/infra.ts';
import { step } from '../infra/log.ts';
import { rawInsertCommits, rawPublish, rawWirePublish, rawConsume } from './baselines.ts';
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
  const rounds = quick ? 1 : 3;
  const durationMs = quick ? 2_000 : 5_000;
  const latencyMs = quick ? 2_000 : 10_000;
  const messages = quick ? 5_000 : 50_000;
  const consumerConcurrency = 128;
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
    // The machine is noisy (2 shared cores): each baseline and the measurement compared with it run back to back,
    // `rounds` times over, and the table shows medians.
    const samples: Record<string, number[]> = {};
    const sample = async (key: string, what: string, measure: () => Promise<number>) => {
      step(what);
      (samples[key] ??= []).push(await measure());
    };
    for (let round = 1; round <= rounds; round++) {
      step(`round ${round} of ${rounds}`);
      await sample('rawInsert', `raw PostgreSQL single-row insert commits at concurrency 16 (${durationMs / 1000} s)…`, () => rawInsertCommits(pgUrl, 16, durationMs));
      await sample('appends', `event store: single-event appends at concurrency 16 (${durationMs / 1000} s)…`, () => lib.eventStoreAppends(pgUrl, 16, durationMs, false));
      await sample('appendsTx', `event store: appends, each in an explicit transaction, at concurrency 16 (${durationMs / 1000} s)…`, () => lib.eventStoreAppends(pgUrl, 16, durationMs, true));
      await sample('consumer', `consumer through inbox + group commit: ${messages / 5} messages at concurrency ${consumerConcurrency}…`, () => lib.inboxConsumer(pgUrl, natsUrl, messages / 5, consumerConcurrency, round));
      await sample('rawPublish', `raw JetStream async publish of ${messages} messages (512 in flight)…`, () => rawPublish(natsUrl, 'benchraw', messages, 256));
      await sample('rawWirePublish', `raw JetStream publish at the protocol level, ${messages} messages (512 in flight)…`, () => rawWirePublish(natsUrl, `benchwire${round}`, messages, 256));
      await sample('relay', `outbox relay: draining ${messages} rows…`, () => lib.relayDrain(pgUrl, natsUrl, messages, 256));
      await sample('rawConsume', `raw JetStream pull consume + ack of ${messages} messages…`, () => rawConsume(natsUrl, 'benchraw', messages));
    }
    step(`commit-to-published latency at a steady 1,000 msgs/s (${latencyMs / 1000} s)…`);
    const latency = await lib.commitToPublished(pgUrl, natsUrl, 1000, latencyMs);
    const median = (key: string) => {
      const v = [...samples[key]!].sort((a, b) => a - b);
      return v[Math.floor(v.length / 2)]!;
    };
    const rawInsertBaseline = { name: 'raw inserts/s', value: median('rawInsert') };
    const rows: Row[] = [
      { name: 'raw PostgreSQL single-row insert commits/s (c=16)', value: median('rawInsert'), unit: 'commits/s' },
      { name: 'raw JetStream async publish, nats.js js.publish (512 in flight)', value: median('rawPublish'), unit: 'msgs/s' },
      { name: 'raw JetStream publish at the protocol level (512 in flight)', value: median('rawWirePublish'), unit: 'msgs/s' },
      { name: 'raw JetStream pull consume + ack', value: median('rawConsume'), unit: 'msgs/s' },
      { name: 'event store single-event appends/s (c=16)', value: median('appends'), unit: 'appends/s', baseline: rawInsertBaseline, target: { ratio: 0.5 } },
      { name: 'event store append in an explicit transaction (c=16)', value: median('appendsTx'), unit: 'appends/s', baseline: rawInsertBaseline },
      { name: 'outbox relay draining a full table', value: median('relay'), unit: 'msgs/s', baseline: { name: 'raw js.publish/s', value: median('rawPublish') }, target: { ratio: 0.6 } },
      { name: '… the same against the protocol-level publish', value: median('relay'), unit: 'msgs/s', baseline: { name: 'raw wire publish/s', value: median('rawWirePublish') } },
      { name: `commit-to-published p50 at 1,000 msgs/s (${latency.count} msgs)`, value: latency.p50, unit: 'ms' },
      { name: `commit-to-published p99 at 1,000 msgs/s`, value: latency.p99, unit: 'ms', target: { max: 50 } },
      { name: `consumer through inbox + transaction, group commit (c=${consumerConcurrency})`, value: median('consumer'), unit: 'msgs/s', baseline: rawInsertBaseline, target: { ratio: 0.4 } },
    ];
    console.log(`\nbench:libs — medians of ${rounds} alternating rounds; ${new Date().toISOString()}; node ${process.version}`);
    printTable(rows);
    return 0;
  } finally {
    await destroyInfra(name);
  }
}
