import { clock, progressLine, ProgressReporter, type ProgressSnapshot } from './progress.ts';

const snapshot: ProgressSnapshot = { phase: 'running', elapsedMs: 42_500, plannedMs: 120_000, requests: 850, errors: 2, checkedOut: 7, approved: 5, pendingOrders: 2 };

describe('progress', () => {
  it('shows elapsed/total, requests and their rate, checkouts, approvals and errors', () => {
    expect(progressLine(snapshot)).toBe('[busywork] 0:42/2:00  requests 850 (20.0/s)  checked out 7  approved 5  errors 2');
    expect(progressLine({ ...snapshot, phase: 'draining', elapsedMs: 130_000 })).toBe(
      '[busywork] 2:00/2:00  requests 850 (6.5/s)  checked out 7  approved 5  errors 2  waiting for 2 order(s) to become final…',
    );
    expect([clock(0), clock(59_999), clock(3_723_000)]).toEqual(['0:00', '0:59', '1:02:03']);
  });

  it('rewrites one line on a terminal, and prints a note above it', () => {
    let out = '';
    const progress = new ProgressReporter({ write: (t: string) => (out += t), isTTY: true });
    progress.update(snapshot, 0);
    progress.update({ ...snapshot, requests: 900 }, 1_000);
    progress.note('SIGINT: stopping');
    progress.done();
    expect(out).toBe(
      `\r\x1b[2K${progressLine(snapshot)}\r\x1b[2K${progressLine({ ...snapshot, requests: 900 })}\r\x1b[2K[busywork] SIGINT: stopping\n`,
    );
  });

  it('prints a line every 10 s otherwise (a log file gets no carriage returns)', () => {
    let out = '';
    const progress = new ProgressReporter({ write: (t: string) => (out += t), isTTY: false });
    for (let s = 0; s <= 25; s++) progress.update({ ...snapshot, requests: s }, s * 1_000);
    progress.done();
    expect(out.split('\n').filter(Boolean).map((l) => /requests (\d+)/.exec(l)![1])).toEqual(['0', '10', '20']);
    expect(out).not.toContain('\r');
  });
});
