// The command as a process of its own under plain Node (type stripping, as `npm run busywork` runs it), against the
// fake mall served on a loopback port: it must end by itself when the duration is up (no timer or socket left
// behind: the runner below does not call process.exit), stop on SIGINT/SIGTERM with a summary, and refuse bad input.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { busyworkCommand } from './busywork-command.ts';
import { FakeMall, serveFakeMall, type FakeMallServer } from './fake-mall.ts';

const commandModule = join(import.meta.dirname, 'busywork-command.ts');
// Sets the exit code and returns: the process ends only when nothing is left to keep it alive.
const runner = `const { busyworkCommand } = await import(${JSON.stringify(commandModule)}); process.exitCode = await busyworkCommand(process.argv.slice(1));`;

interface Finished {
  code: number | null;
  signal: string | null;
  stdout: string;
  stderr: string;
  ms: number;
}

function busywork(args: string[], onStderr?: (text: string, child: ReturnType<typeof spawn>) => void): Promise<Finished> {
  const started = performance.now();
  const child = spawn(process.execPath, ['--input-type=module', '-e', runner, '--', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => {
    stderr += d;
    onStderr?.(stderr, child);
  });
  return new Promise((resolve) => child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr, ms: performance.now() - started })));
}

function stockedMall(): FakeMall {
  const mall = new FakeMall();
  mall.seedStore('North', [500, 1199]);
  mall.seedStore('South', [250]);
  mall.seedStore('East', [999, 725]);
  return mall;
}

describe('npm run busywork, as a process', () => {
  let mall: FakeMall;
  let server: FakeMallServer;

  beforeEach(async () => {
    mall = stockedMall();
    server = await serveFakeMall(mall);
  });

  afterEach(() => server.close());

  it('runs for its duration, prints the summary, writes the JSON, and exits by itself with 0', async () => {
    const json = join(mkdtempSync(join(tmpdir(), 'busywork-')), 'summary.json');
    const done = await busywork(['--target', server.url, '--stress', '--clients', '2', '--duration', '2s', '--seed', '3', '--json', json]);
    expect({ code: done.code, signal: done.signal, stderr: done.stderr.includes('Error') ? done.stderr : '' }).toEqual({ code: 0, signal: null, stderr: '' });
    // Node's own start-up plus 2 s of load: a timer or socket left behind would hold it (to Jest's 30 s limit).
    expect(done.ms).toBeLessThan(8_000);
    expect(done.stdout).toMatch(/^MallBots busywork summary\n/);
    expect(done.stdout).toContain('  seed      3 (--seed 3 repeats this choice of flows)');
    expect(done.stdout).toContain('Errors by route and status\n  none\n');
    expect(done.stderr).toMatch(/^\[busywork\] 2 client\(s\), stress mode \(no think time\), for 2s against http:\/\/127\.0\.0\.1:\d+ \(seed 3\)\n/);
    expect(done.stderr).toMatch(/\[busywork\] 0:0[0-2]\/0:02 {2}requests \d+ \(\d+\.\d\/s\) {2}checked out \d+ {2}approved \d+ {2}errors 0/);

    const summary = JSON.parse(readFileSync(json, 'utf8'));
    expect(summary).toMatchObject({ mode: 'stress', clients: 2, seed: 3, endedBy: 'duration', errorCount: 0, errors: [] });
    expect(summary.requests).toBeGreaterThan(0);
    expect(summary.orders.checkedOut).toBeGreaterThan(0);
    expect(summary.orders.final.approved).toBe(summary.orders.checkedOut);
    expect(mall.callsOf('checkoutBasket')).toHaveLength(summary.orders.checkedOut);
  }, 30_000);

  it.each([
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const)('stops on %s with the summary of what was done, exit %d', async (signal, exitCode) => {
    let sent = false;
    // Once the first progress line is out the run is under way; then the signal.
    const done = await busywork(['--target', server.url, '--stress', '--clients', '2', '--duration', '1h'], (stderr, child) => {
      if (!sent && /requests \d+/.test(stderr)) {
        sent = true;
        child.kill(signal);
      }
    });
    expect([done.code, done.signal]).toEqual([exitCode, null]);
    expect(done.stderr).toContain(`[busywork] ${signal}: stopping`);
    expect(done.stdout).toMatch(/duration {2}\S+ \(planned 1h00m00s, interrupted\)/);
    expect(done.ms).toBeLessThan(10_000);
  }, 30_000);
});

describe('the busywork command’s input', () => {
  function io() {
    const out = { stdout: '', stderr: '' };
    return {
      out,
      io: { stdout: { write: (t: string) => (out.stdout += t) }, stderr: { write: (t: string) => (out.stderr += t) }, env: {} },
    };
  }

  it('refuses a bad option with a message and exit 2, before sending anything', async () => {
    const { out, io: streams } = io();
    expect(await busyworkCommand(['--clients', '500'], streams)).toBe(2);
    expect(out).toEqual({ stdout: '', stderr: 'busywork: --clients must be a whole number from 1 to 200, not "500" (see --help)\n' });
  });

  it('refuses a --json file in a directory that does not exist', async () => {
    const { out, io: streams } = io();
    expect(await busyworkCommand(['--json', '/nonexistent/dir/s.json'], streams)).toBe(2);
    expect(out.stderr).toBe('busywork: --json /nonexistent/dir/s.json: the directory /nonexistent/dir does not exist (see --help)\n');
  });

  it('prints its help on stdout with exit 0', async () => {
    const { out, io: streams } = io();
    expect(await busyworkCommand(['--help'], streams)).toBe(0);
    expect(out.stdout).toMatch(/^Usage: npm run busywork -- \[options\]\n/);
    expect(out.stdout).toContain('--clients N');
  });

  it('exits 1 with one clear line when no MallBots answers at the target', async () => {
    const closed = await serveFakeMall(new FakeMall());
    await closed.close();
    const { out, io: streams } = io();
    expect(await busyworkCommand(['--target', closed.url, '--duration', '5s'], streams)).toBe(1);
    expect(out.stderr).toMatch(/\nbusywork: no MallBots answers at http:\/\/127\.0\.0\.1:\d+ \(GET \/api\/stores: fetch failed: ECONNREFUSED\); is `npm start` running, and is this its gateway\?\n$/);
    expect(out.stdout).toBe('');
  });
});
