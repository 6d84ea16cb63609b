// A real NATS server with JetStream from the machine's packages, in a project-local folder, on loopback only.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { natsServerBinary } from './system-packages.ts';
import { InfraError, step } from './log.ts';
import { waitFor } from './wait.ts';

export interface NatsConfig {
  dir: string; // .data/<name>/nats
  port: number;
  monitorPort: number;
}

function pidOf(cfg: Pick<NatsConfig, 'dir'>): number | undefined {
  const file = join(cfg.dir, 'nats.pid');
  if (!existsSync(file)) return undefined;
  const pid = Number(readFileSync(file, 'utf8').trim());
  try {
    process.kill(pid, 0);
  } catch {
    return undefined;
  }
  // A stale pid file (server killed without cleanup) may name a pid the system has since given to another process:
  // only a nats-server started with this folder's config counts. Without /proc (macOS), trust the pid.
  const cmdline = `/proc/${pid}/cmdline`;
  if (existsSync('/proc/self/cmdline')) {
    if (!existsSync(cmdline)) return undefined;
    const args = readFileSync(cmdline, 'utf8').split('\0');
    if (!args.some((a) => a.endsWith('nats-server')) || !args.includes(join(cfg.dir, 'nats.conf'))) return undefined;
  }
  return pid;
}

export function natsRunning(cfg: Pick<NatsConfig, 'dir'>): boolean {
  return pidOf(cfg) !== undefined;
}

async function healthy(monitorPort: number): Promise<boolean> {
  const res = await fetch(`http://127.0.0.1:${monitorPort}/healthz`);
  return res.ok;
}

export async function startNats(cfg: NatsConfig): Promise<void> {
  const binary = natsServerBinary();
  mkdirSync(join(cfg.dir, 'jetstream'), { recursive: true });
  const conf = join(cfg.dir, 'nats.conf');
  writeFileSync(
    conf,
    [
      `listen: "127.0.0.1:${cfg.port}"`,
      `http: "127.0.0.1:${cfg.monitorPort}"`,
      `pid_file: "${join(cfg.dir, 'nats.pid')}"`,
      `log_file: "${join(cfg.dir, 'server.log')}"`,
      `max_payload: 8MB`,
      `jetstream {`,
      `  store_dir: "${join(cfg.dir, 'jetstream')}"`,
      `  max_memory_store: 512MB`,
      `  max_file_store: 8GB`,
      `}`,
    ].join('\n') + '\n',
  );
  step(`starting NATS JetStream on 127.0.0.1:${cfg.port} (monitoring :${cfg.monitorPort})…`);
  const child = spawn(binary, ['-c', conf], { detached: true, stdio: 'ignore' });
  let exited: number | null = null;
  child.on('exit', (code) => (exited = code ?? -1));
  child.unref();
  try {
    // An early exit (port taken, bad config) ends the wait at once instead of timing out.
    await waitFor('NATS to report healthy', async () => exited !== null || (await healthy(cfg.monitorPort)));
    if (exited !== null) throw new InfraError(`nats-server exited with code ${exited}`);
  } catch (err) {
    // Do not leave a half-started server behind (it was detached).
    if (exited === null && child.pid !== undefined) process.kill(child.pid, 'SIGTERM');
    const logFile = join(cfg.dir, 'server.log');
    const log = existsSync(logFile) ? readFileSync(logFile, 'utf8').split('\n').slice(-15).join('\n') : '';
    throw new InfraError(`NATS did not start: ${(err as Error).message}\nlast lines of ${logFile}:\n${log}`);
  }
}

export async function stopNats(cfg: Pick<NatsConfig, 'dir'>): Promise<void> {
  const pid = pidOf(cfg);
  if (pid === undefined) return;
  step('stopping NATS…');
  process.kill(pid, 'SIGTERM');
  await waitFor('NATS to exit', async () => !natsRunning(cfg), 30_000);
  rmSync(join(cfg.dir, 'nats.pid'), { force: true });
}
