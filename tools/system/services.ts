// Runs MallBots services as separate processes from their built output (apps/<ctx>/dist/main.js), each with a
// database of its own, all on one NATS JetStream: the way they are deployed, on one machine. Used by the system
// tests and, later, by `npm start`.
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { workspaceRoot } from '../infra/infra.ts';
import { freePort } from '../infra/ports.ts';

export interface RunningService {
  readonly name: string;
  readonly httpUrl: string;
  readonly grpcAddress: string;
  readonly logFile: string;
}

export interface RunningSystem {
  readonly services: Readonly<Record<string, RunningService>>;
  /** SIGTERM to every service (graceful: consumers drain, relays stop), then waits; SIGKILL after `timeoutMs`. */
  stop(timeoutMs?: number): Promise<void>;
}

export interface SystemOptions {
  readonly services: readonly string[];
  /** A PostgreSQL URL with the right to create databases; each service gets `<databasePrefix>_<name>`. */
  readonly postgresUrl: string;
  readonly natsUrl: string;
  readonly databasePrefix: string;
  /** Where each service's log goes (`<name>.log`). */
  readonly logDir: string;
  readonly logLevel?: string;
  /** How long each service may take to become ready. Default 60 s. */
  readonly readyTimeoutMs?: number;
}

async function ensureDatabase(serverUrl: string, name: string): Promise<string> {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    const { rowCount } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (rowCount === 0) await admin.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
  } finally {
    await admin.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve() : child.once('exit', () => resolve())));
}

function tail(file: string, lines = 30): string {
  return existsSync(file) ? readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n') : '(no log)';
}

export async function startSystem(options: SystemOptions): Promise<RunningSystem> {
  mkdirSync(options.logDir, { recursive: true });
  const ports = new Map<string, { http: number; grpc: number }>();
  for (const name of options.services) ports.set(name, { http: await freePort(), grpc: await freePort() });
  // Every service learns every other one's gRPC address, as RPC_SERVICES does in the reference's compose file.
  const rpcServices = [...ports].map(([name, p]) => `${name.toUpperCase()}=127.0.0.1:${p.grpc}`).join(',');
  const children = new Map<string, ChildProcess>();
  const services: Record<string, RunningService> = {};

  const stop = async (timeoutMs = 15_000): Promise<void> => {
    const running = [...children.values()].filter((c) => c.exitCode === null && c.signalCode === null);
    for (const child of running) child.kill('SIGTERM');
    const timer = setTimeout(() => running.forEach((c) => c.kill('SIGKILL')), timeoutMs);
    await Promise.all(running.map(exited));
    clearTimeout(timer);
  };

  try {
    for (const name of options.services) {
      const main = join(workspaceRoot, 'apps', name, 'dist', 'main.js');
      if (!existsSync(main)) throw new Error(`${main} does not exist: build the services first (npx nx run-many -t build)`);
      const database = await ensureDatabase(options.postgresUrl, `${options.databasePrefix}_${name}`);
      const port = ports.get(name)!;
      const logFile = join(options.logDir, `${name}.log`);
      const log = createWriteStream(logFile, { flags: 'a' });
      const child = spawn(process.execPath, [main], {
        cwd: workspaceRoot,
        stdio: ['ignore', 'pipe', 'pipe'],
        env: {
          ...process.env,
          PG_CONN: database,
          NATS_URL: options.natsUrl,
          WEB_HOST: '127.0.0.1',
          WEB_PORT: String(port.http),
          RPC_HOST: '127.0.0.1',
          RPC_PORT: String(port.grpc),
          RPC_SERVICES: rpcServices,
          LOG_LEVEL: options.logLevel ?? 'warn',
          SHUTDOWN_TIMEOUT: '10s',
        },
      });
      child.stdout!.pipe(log);
      child.stderr!.pipe(log);
      children.set(name, child);
      services[name] = { name, httpUrl: `http://127.0.0.1:${port.http}`, grpcAddress: `127.0.0.1:${port.grpc}`, logFile };
    }
    await Promise.all(Object.values(services).map((s) => waitReady(s, children.get(s.name)!, options.readyTimeoutMs ?? 60_000)));
  } catch (err) {
    await stop();
    throw err;
  }
  return { services, stop };
}

async function waitReady(service: RunningService, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`${service.name} exited (${child.exitCode ?? child.signalCode}) before it was ready:\n${tail(service.logFile)}`);
    }
    try {
      const response = await fetch(`${service.httpUrl}/readiness`);
      if (response.ok) return;
      last = `${response.status} ${await response.text()}`;
    } catch (err) {
      last = (err as Error).message;
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${service.name} not ready within ${timeoutMs} ms (last: ${last}):\n${tail(service.logFile)}`);
}
