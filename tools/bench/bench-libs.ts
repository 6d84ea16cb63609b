// `npm run bench:libs`: throughput and latency of the shared libraries against raw PostgreSQL and JetStream
// baselines measured in the same run, on throwaway servers with PostgreSQL's durable defaults (profile `bench`).
// Prints one table. Options: --quick (shorter runs, for a smoke check).
import { startInfra, destroyInfra } from '../infra/infra.ts';
import { step } from '../infra/log.ts';
import { rawInsertCommits, rawPublish, rawConsume } from './baselines.ts';
import { fmt } from './stats.ts';

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
    const rows: Row[] = [
      { name: 'raw PostgreSQL single-row insert commits/s (c=16)', value: rawInsert, unit: 'commits/s' },
      { name: 'raw JetStream async publish', value: rawPub, unit: 'msgs/s' },
      { name: 'raw JetStream pull consume + ack', value: rawCon, unit: 'msgs/s' },
    ];
    printTable(rows);
    return 0;
  } finally {
    await destroyInfra(name);
  }
}
