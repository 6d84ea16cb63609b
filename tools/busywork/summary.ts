// The end-of-run report: one plain-text summary for people (stdout) and the same figures as JSON (--json).
import { formatDuration } from './busywork-options.ts';
import { FLOW_KINDS } from './flow-choice.ts';
import type { Histogram } from './histogram.ts';
import { ROUTES } from './mall-api.ts';
import { FINAL_ORDER_STATUSES, FLOW_OUTCOMES, type Recorder } from './recorder.ts';

export interface BusyworkReport {
  readonly target: string;
  readonly clients: number;
  readonly stress: boolean;
  readonly seed: number;
  readonly plannedMs: number;
  /** From the first request to the last client stopping (the order drain is not included). */
  readonly elapsedMs: number;
  readonly drainMs: number;
  readonly endedBy: 'duration' | 'interrupted';
  readonly recorder: Recorder;
  /** Orders that never became final, by the last status seen. */
  readonly pendingOrders: Readonly<Record<string, number>>;
}

const POLL_ROUTE = ROUTES.getOrder;
const PERCENTILES = [50, 90, 99] as const;

/** Requests the kiosks made (what the rate is about); order polls are busywork's own observation, counted apart. */
export function kioskRequests(recorder: Recorder): number {
  return recorder.requests - pollCount(recorder);
}

function pollCount(recorder: Recorder): number {
  return recorder.routes.get(POLL_ROUTE)?.calls ?? 0;
}

function perSecond(count: number, ms: number): number {
  return ms > 0 ? count / (ms / 1_000) : 0;
}

const int = (n: number) => n.toLocaleString('en-US');
const ms = (n: number) => (Number.isNaN(n) ? '-' : n < 10 ? n.toFixed(2) : n < 100 ? n.toFixed(1) : n.toFixed(0));

function table(header: readonly string[], rows: ReadonlyArray<readonly string[]>, alignLeft = 1): string[] {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: readonly string[]) => `  ${cells.map((c, i) => (i < alignLeft ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ')}`.trimEnd();
  return [line(header), ...rows.map(line)];
}

function latencyRow(label: string, h: Histogram): string[] {
  return [label, int(h.count), ...PERCENTILES.map((p) => ms(h.percentile(p))), ms(h.max)];
}

export function formatSummary(report: BusyworkReport): string {
  const r = report.recorder;
  const kiosk = kioskRequests(r);
  const errors = r.errorCount;
  const lines: string[] = [];
  lines.push('MallBots busywork summary');
  lines.push(`  target    ${report.target}`);
  lines.push(
    `  mode      ${report.stress ? 'stress (no think time)' : 'kiosk think time (8–11 s between units of work per client, 0.5–2 s before each step)'}`,
  );
  lines.push(`  clients   ${report.clients}`);
  lines.push(`  seed      ${report.seed} (--seed ${report.seed} repeats this choice of flows)`);
  lines.push(
    `  duration  ${formatDuration(report.elapsedMs)} (planned ${formatDuration(report.plannedMs)}, ${report.endedBy === 'duration' ? 'ran to the end' : 'interrupted'}); order drain ${formatDuration(report.drainMs)}`,
  );
  lines.push(`  requests  ${int(kiosk)} (${perSecond(kiosk, report.elapsedMs).toFixed(1)}/s), errors ${int(errors)}${r.aborted ? `, ${int(r.aborted)} aborted at the stop` : ''}; order status polls ${int(pollCount(r))}`);

  lines.push('', 'Flows');
  const flowRows = FLOW_KINDS.map((k) => [k, int(r.flows[k].started), ...FLOW_OUTCOMES.map((o) => int(r.flows[k][o]))]);
  const sum = (f: (k: (typeof FLOW_KINDS)[number]) => number) => int(FLOW_KINDS.reduce((n, k) => n + f(k), 0));
  flowRows.push(['total', sum((k) => r.flows[k].started), ...FLOW_OUTCOMES.map((o) => sum((k) => r.flows[k][o]))]);
  lines.push(...table(['flow', 'runs', ...FLOW_OUTCOMES], flowRows));
  for (const [reason, count] of [...r.skipReasons.entries()].sort((a, b) => b[1] - a[1])) lines.push(`  skipped ×${int(count)}: ${reason}`);

  lines.push('', 'Latency by route (ms)');
  const routes = [...r.routes.values()].filter((s) => s.latency.count > 0).sort((a, b) => a.route.localeCompare(b.route));
  if (routes.length === 0) lines.push('  no answers');
  else lines.push(...table(['route', 'count', 'p50', 'p90', 'p99', 'max'], routes.map((s) => latencyRow(s.route, s.latency))));

  lines.push('', 'Errors by route and status');
  const groups = [...r.errors.values()].sort((a, b) => b.count - a.count);
  if (groups.length === 0) lines.push('  none');
  for (const g of groups) lines.push(`  ${g.route}  ${g.status}  ×${int(g.count)}  e.g. "${g.example}"${g.requestId ? ` (X-Request-Id ${g.requestId})` : ''}`);
  const conflicts = [...r.conflictsRetried.entries()].sort((a, b) => b[1] - a[1]);
  if (conflicts.length) {
    lines.push(`  409 conflicts retried (two kiosks changed the same thing at once; not errors unless listed above): ${conflicts.map(([route, n]) => `${route} ×${int(n)}`).join(', ')}`);
  }

  lines.push('', 'Orders (a checked-out basket becomes the order with its id)');
  const final = FINAL_ORDER_STATUSES.map((s) => `${s} ${int(r.ordersFinal[s])}`).join(', ');
  const pending = Object.entries(report.pendingOrders);
  const pendingCount = pending.reduce((n, [, c]) => n + c, 0);
  lines.push(`  checked out ${int(r.checkedOut)}: ${final}; still pending at the end ${int(pendingCount)}${pending.length ? ` (${pending.map(([s, c]) => `${s} ${int(c)}`).join(', ')})` : ''}`);
  if (r.untracked) lines.push(`  not followed (more than the tracker's limit in flight): ${int(r.untracked)}`);
  if (r.timeToFinal.count) {
    const h = r.timeToFinal;
    lines.push(`  checkout → final status, ms (to the poll that saw it): p50 ${ms(h.percentile(50))}, p90 ${ms(h.percentile(90))}, p99 ${ms(h.percentile(99))}, max ${ms(h.max)}`);
  }
  return `${lines.join('\n')}\n`;
}

const round = (n: number) => (Number.isNaN(n) ? null : Math.round(n * 100) / 100);

function latencyJson(h: Histogram) {
  return { count: h.count, p50: round(h.percentile(50)), p90: round(h.percentile(90)), p99: round(h.percentile(99)), max: round(h.max) };
}

/** The summary's figures for --json: plain data, stable field names. */
export function summaryJson(report: BusyworkReport): Record<string, unknown> {
  const r = report.recorder;
  const kiosk = kioskRequests(r);
  return {
    target: report.target,
    mode: report.stress ? 'stress' : 'think-time',
    clients: report.clients,
    seed: report.seed,
    plannedMs: report.plannedMs,
    elapsedMs: Math.round(report.elapsedMs),
    drainMs: Math.round(report.drainMs),
    endedBy: report.endedBy,
    requests: kiosk,
    requestsPerSecond: round(perSecond(kiosk, report.elapsedMs)),
    orderPolls: pollCount(r),
    abortedAtStop: r.aborted,
    errorCount: r.errorCount,
    flows: Object.fromEntries(FLOW_KINDS.map((k) => [k, { ...r.flows[k] }])),
    skipReasons: Object.fromEntries(r.skipReasons),
    latencyMs: Object.fromEntries([...r.routes.values()].filter((s) => s.latency.count > 0).map((s) => [s.route, latencyJson(s.latency)])),
    errors: [...r.errors.values()].map((g) => ({ route: g.route, status: g.status, count: g.count, example: g.example, requestId: g.requestId ?? null })),
    conflictsRetried: Object.fromEntries(r.conflictsRetried),
    orders: {
      checkedOut: r.checkedOut,
      final: { ...r.ordersFinal },
      pending: { ...report.pendingOrders },
      untracked: r.untracked,
      checkoutToFinalMs: r.timeToFinal.count ? latencyJson(r.timeToFinal) : null,
    },
  };
}
