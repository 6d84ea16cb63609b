// How dead letters are printed: a table for scanning many, a full view for one, JSON for scripts.
import type { DeadLetter } from '@mallbots/am';

const LAST_ERROR_WIDTH = 60;

/** Everything a dead letter holds, JSON-safe: dates as ISO strings, the (binary, protobuf) payload as base64. */
export function deadLetterJson(dl: DeadLetter): Record<string, unknown> {
  const m = dl.message;
  return {
    consumer: dl.consumer,
    id: dl.id,
    name: m.name,
    subject: m.subject,
    occurredAt: m.occurredAt.toISOString(),
    deadLetteredAt: dl.deadLetteredAt.toISOString(),
    replayedAt: dl.replayedAt?.toISOString() ?? null,
    attempts: dl.errors.length,
    headers: m.headers,
    payloadBase64: Buffer.from(m.payload).toString('base64'),
    errors: dl.errors.map((e) => ({ attempt: e.attempt, error: e.error, at: e.at.toISOString() })),
  };
}

/** One line per dead letter; `attempts` counts every failed delivery in its history (earlier replays included). */
export function deadLetterTable(deadLetters: readonly DeadLetter[], withReplayed: boolean): string {
  const header = ['consumer', 'message id', 'name', 'subject', 'dead-lettered at', 'attempts', ...(withReplayed ? ['replayed at'] : []), 'last error'];
  const rows = deadLetters.map((dl) => [
    dl.consumer,
    dl.id,
    dl.message.name,
    dl.message.subject,
    dl.deadLetteredAt.toISOString(),
    String(dl.errors.length),
    ...(withReplayed ? [dl.replayedAt?.toISOString() ?? '-'] : []),
    truncate(oneLine(dl.errors.at(-1)?.error ?? ''), LAST_ERROR_WIDTH),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: readonly string[]) => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]!))).join('  ');
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

/** One dead letter in full: message fields, headers, payload and every failed delivery's complete error. */
export function deadLetterDetail(dl: DeadLetter): string {
  const m = dl.message;
  const headerNames = Object.keys(m.headers).sort();
  const lines = [
    `consumer          ${dl.consumer}`,
    `message id        ${dl.id}`,
    `name              ${m.name}`,
    `subject           ${m.subject}`,
    `occurred at       ${m.occurredAt.toISOString()}`,
    `dead-lettered at  ${dl.deadLetteredAt.toISOString()}`,
    `replayed at       ${dl.replayedAt ? dl.replayedAt.toISOString() : '- (open)'}`,
    `payload           ${m.payload.byteLength} bytes, base64 ${Buffer.from(m.payload).toString('base64') || '(empty)'}`,
    `headers           ${headerNames.length === 0 ? '(none)' : ''}`.trimEnd(),
    ...headerNames.map((name) => `  ${name}: ${m.headers[name]}`),
    `error history     ${dl.errors.length} failed deliver${dl.errors.length === 1 ? 'y' : 'ies'}, oldest first`,
    ...dl.errors.flatMap((e, i) => [`  ${i + 1}. attempt ${e.attempt} at ${e.at.toISOString()}`, ...e.error.split('\n').map((l) => `     ${l}`)]),
  ];
  return lines.join('\n');
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function truncate(text: string, width: number): string {
  return text.length <= width ? text : `${text.slice(0, width - 1)}…`;
}
