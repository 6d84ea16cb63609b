// A private nats-server (JetStream, file store) for one test file, so a test can take the broker down and bring it
// back without disturbing the shared server other test files use. nats-server must be on the PATH; the Jest global
// setup installs it when it starts local servers.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface DisposableNats {
  /** `nats://127.0.0.1:<port>`: the same across stop/start, so clients reconnect to it. */
  readonly url: string;
  /** SIGTERM (a graceful shutdown that flushes the store) and waits for the process to exit. */
  stop(): Promise<void>;
  /** Starts again on the same port and store directory: streams and their messages survive. */
  start(): Promise<void>;
  /** Stops and deletes the store directory. */
  close(): Promise<void>;
}

const STARTUP_TIMEOUT_MS = 10_000;
const EXIT_TIMEOUT_MS = 10_000;

export async function startDisposableNats(): Promise<DisposableNats> {
  const dir = await mkdtemp(join(tmpdir(), 'mallbots-nats-'));
  const [port, monitorPort] = await freePorts(2);
  const logFile = join(dir, 'server.log');
  const args = ['-js', '-sd', join(dir, 'jetstream'), '-p', String(port), '-a', '127.0.0.1', '--http_port', String(monitorPort), '-l', logFile];
  let child: ChildProcess | undefined;
  let exited: Promise<void> = Promise.resolve();
  // A worker that dies without close() must not leave the server running (it would keep the port and the dir).
  const killOnExit = () => child?.kill('SIGKILL');

  const start = async () => {
    if (child) return;
    const proc = spawn('nats-server', args, { stdio: 'ignore' });
    child = proc;
    // Why the process is gone (exit code, or a spawn error such as nats-server missing from the PATH); unset while up.
    let gone: string | undefined;
    exited = new Promise((resolve) => {
      proc.once('exit', (code, signal) => {
        gone ??= `exited with ${signal ?? `code ${code}`}`;
        resolve();
      });
      proc.once('error', (err) => {
        gone ??= `could not be started (${err.message})`;
        resolve();
      });
    });
    process.once('exit', killOnExit);
    const deadline = Date.now() + STARTUP_TIMEOUT_MS;
    // /healthz answers ok only once JetStream has recovered its streams, so the server is usable when this returns.
    while (!(await healthy(monitorPort))) {
      if (gone !== undefined || Date.now() > deadline) {
        const why = gone ?? `not healthy after ${STARTUP_TIMEOUT_MS} ms`;
        const log = await readFile(logFile, 'utf8').catch(() => '');
        await stop();
        throw new Error(`nats-server ${why}; last lines of ${logFile}:\n${log.split('\n').slice(-15).join('\n')}`);
      }
      await new Promise((r) => setTimeout(r, 20));
    }
  };

  const stop = async () => {
    const proc = child;
    if (!proc) return;
    if (proc.exitCode === null && proc.signalCode === null) {
      proc.kill('SIGTERM');
      const timer = setTimeout(() => proc.kill('SIGKILL'), EXIT_TIMEOUT_MS);
      await exited;
      clearTimeout(timer);
    }
    process.removeListener('exit', killOnExit);
    child = undefined;
  };

  try {
    await start();
  } catch (err) {
    await rm(dir, { recursive: true, force: true });
    throw err;
  }
  return {
    url: `nats://127.0.0.1:${port}`,
    stop,
    start,
    async close() {
      await stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

async function healthy(monitorPort: number): Promise<boolean> {
  try {
    return (await fetch(`http://127.0.0.1:${monitorPort}/healthz`)).ok;
  } catch {
    return false;
  }
}

/** Ports the OS reports free (all held open together, so they differ); nats-server binds them right after. */
export async function freePorts(count: number): Promise<number[]> {
  const servers = await Promise.all(
    Array.from({ length: count }, () => new Promise<ReturnType<typeof createServer>>((resolve, reject) => {
      const server = createServer();
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve(server));
    })),
  );
  const ports = servers.map((s) => (s.address() as { port: number }).port);
  await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
  return ports;
}
