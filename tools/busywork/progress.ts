// Live progress on stderr: on a terminal one line rewritten every second; in a log or a pipe, a line every 10 s
// (a rewritten line would fill a log file with carriage returns).

export interface ProgressSnapshot {
  readonly phase: 'running' | 'finishing' | 'draining';
  readonly elapsedMs: number;
  readonly plannedMs: number;
  readonly requests: number;
  readonly errors: number;
  readonly checkedOut: number;
  readonly approved: number;
  readonly pendingOrders: number;
}

export interface ProgressOutput {
  write(text: string): unknown;
  readonly isTTY?: boolean;
}

/** A stopwatch reading, whole seconds: 0:07, 12:34, 1:02:03. */
export function clock(ms: number): string {
  const total = Math.floor(ms / 1_000);
  const h = Math.floor(total / 3_600);
  const m = Math.floor((total % 3_600) / 60);
  const s = String(total % 60).padStart(2, '0');
  return h ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

export function progressLine(s: ProgressSnapshot): string {
  const rate = s.elapsedMs > 0 ? s.requests / (s.elapsedMs / 1_000) : 0;
  const phase = s.phase === 'running' ? '' : s.phase === 'finishing' ? '  finishing the current flows…' : `  waiting for ${s.pendingOrders} order(s) to become final…`;
  return (
    `[busywork] ${clock(Math.min(s.elapsedMs, s.plannedMs))}/${clock(s.plannedMs)}  ` +
    `requests ${s.requests} (${rate.toFixed(1)}/s)  checked out ${s.checkedOut}  approved ${s.approved}  errors ${s.errors}${phase}`
  );
}

export class ProgressReporter {
  private readonly out: ProgressOutput;
  private readonly tty: boolean;
  private readonly everyMs: number;
  private lastPrintedAt = -Infinity;
  private showing = false;

  constructor(out: ProgressOutput, options: { tty?: boolean; logEveryMs?: number } = {}) {
    this.out = out;
    this.tty = options.tty ?? out.isTTY === true;
    this.everyMs = options.logEveryMs ?? 10_000;
  }

  /** Called every second with the current figures. */
  update(snapshot: ProgressSnapshot, now: number): void {
    if (this.tty) {
      this.out.write(`\r\x1b[2K${progressLine(snapshot)}`);
      this.showing = true;
    } else if (now - this.lastPrintedAt >= this.everyMs) {
      this.out.write(`${progressLine(snapshot)}\n`);
      this.lastPrintedAt = now;
    }
  }

  /** A message of its own (a new kind of error, the stop): printed above the rewritten line. */
  note(message: string): void {
    this.clear();
    this.out.write(`[busywork] ${message}\n`);
  }

  /** Leaves the terminal on a fresh line before the summary. */
  done(): void {
    this.clear();
  }

  private clear(): void {
    if (this.showing) this.out.write('\r\x1b[2K');
    this.showing = false;
  }
}
