// Runs MallBots services as separate processes from their built output (apps/<ctx>/dist/main.js), each with a
// database of its own, all on one NATS JetStream: the way they are deployed, on one machine. Used by `npm start`
// (through ./mallbots.ts) and by the system tests.
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { exited, isRunning, tail } from '../infra/child-process.ts';
import { workspaceRoot } from '../infra/infra.ts';
import { freePort, portInUse } from '../infra/ports.ts';

/** Every service, in the order they are started (upstream contexts before the ones that cache their data). */
export const ALL_SERVICES = ['stores', 'customers', 'baskets', 'payments', 'ordering', 'depot', 'cosec', 'search', 'notifications'] as const;

export interface RunningService {
  readonly name: string;
  readonly httpUrl: string;
  readonly httpAddress: string;
  readonly grpcAddress: string;
  readonly logFile: string;
}

export interface RunningSystem {
  readonly services: Readonly<Record<string, RunningService>>;
  /** SIGTERM to every service (graceful: consumers drain, relays stop), then waits; SIGKILL after `timeoutMs`. */
  stop(timeoutMs?: number): Promise<void>;
  /** Stops one service gracefully (its messages wait in JetStream meanwhile). */
  stopService(name: string, timeoutMs?: number): Promise<void>;
  /** Starts a stopped service again on the same ports and database, and waits until it is ready. */
  startService(name: string): Promise<void>;
}

export interface SystemOptions {
  readonly services: readonly string[];
  /** A PostgreSQL URL with the right to create databases; each service gets `<databasePrefix>_<name>`. */
  readonly postgresUrl: string;
  readonly natsUrl: string;
  readonly databasePrefix: string;
  /** Where each service's log goes (`<name>.log`, appended to). */
  readonly logDir: string;
  readonly logLevel?: string;
  /** How long each service may take to become ready. Default 60 s. */
  readonly readyTimeoutMs?: number;
  /**
   * Ports to try first: service i gets `http + i` and `grpc + i` when free (stable addresses for people reading
   * logs); any that is taken, and every port when this is absent, is a free one chosen by the system.
   */
  readonly preferredPorts?: { readonly http: number; readonly grpc: number };
  /** Extra environment for every service (e.g. SAGA_STEP_TIMEOUT), after the defaults. */
  readonly env?: Readonly<Record<string, string>>;
  /** Called when a service exits without having been asked to stop. */
  readonly onUnexpectedExit?: (service: RunningService, code: number | null, signal: string | null) => void;
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

async function choosePort(preferred: number | undefined, taken: Set<number>): Promise<number> {
  if (preferred !== undefined && !taken.has(preferred) && !(await portInUse(preferred))) return preferred;
  for (;;) {
    const port = await freePort();
    if (!taken.has(port)) return port;
  }
}

async function stopChildren(children: ChildProcess[], timeoutMs: number): Promise<void> {
  const running = children.filter((c) => isRunning(c));
  for (const child of running) child.kill('SIGTERM');
  const timer = setTimeout(() => running.forEach((c) => c.kill('SIGKILL')), timeoutMs);
  await Promise.all(running.map(exited));
  clearTimeout(timer);
}

export async function startSystem(options: SystemOptions): Promise<RunningSystem> {
  mkdirSync(options.logDir, { recursive: true });
  const ports = new Map<string, { http: number; grpc: number }>();
  const taken = new Set<number>();
  for (const [i, name] of options.services.entries()) {
    const http = await choosePort(options.preferredPorts && options.preferredPorts.http + i, taken);
    taken.add(http);
    const grpc = await choosePort(options.preferredPorts && options.preferredPorts.grpc + i, taken);
    taken.add(grpc);
    ports.set(name, { http, grpc });
  }
  // Every service learns every other one's gRPC address, as RPC_SERVICES does in the reference's compose file.
  const rpcServices = [...ports].map(([name, p]) => `${name.toUpperCase()}=127.0.0.1:${p.grpc}`).join(',');
  const children = new Map<string, ChildProcess>();
  const stopping = new Set<string>();
  const databases = new Map<string, string>();
  const services: Record<string, RunningService> = {};
  for (const name of options.services) {
    const port = ports.get(name)!;
    services[name] = {
      name,
      httpUrl: `http://127.0.0.1:${port.http}`,
      httpAddress: `127.0.0.1:${port.http}`,
      grpcAddress: `127.0.0.1:${port.grpc}`,
      logFile: join(options.logDir, `${name}.log`),
    };
  }

  const spawnService = (name: string): ChildProcess => {
    const main = join(workspaceRoot, 'apps', name, 'dist', 'main.js');
    if (!existsSync(main)) throw new Error(`${main} does not exist: build the services first (npx nx run-many -t build)`);
    const port = ports.get(name)!;
    const service = services[name]!;
    const log = createWriteStream(service.logFile, { flags: 'a' });
    const child = spawn(process.execPath, [main], {
      cwd: workspaceRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        PG_CONN: databases.get(name)!,
        NATS_URL: options.natsUrl,
        WEB_HOST: '127.0.0.1',
        WEB_PORT: String(port.http),
        RPC_HOST: '127.0.0.1',
        RPC_PORT: String(port.grpc),
        RPC_SERVICES: rpcServices,
        LOG_LEVEL: options.logLevel ?? 'warn',
        SHUTDOWN_TIMEOUT: '10s',
        ...options.env,
      },
    });
    child.stdout!.pipe(log);
    child.stderr!.pipe(log);
    child.once('exit', (code, signal) => {
      if (!stopping.has(name)) options.onUnexpectedExit?.(service, code, signal);
    });
    children.set(name, child);
    return child;
  };

  const stop = async (timeoutMs = 15_000): Promise<void> => {
    for (const name of children.keys()) stopping.add(name);
    await stopChildren([...children.values()], timeoutMs);
  };

  try {
    for (const name of options.services) databases.set(name, await ensureDatabase(options.postgresUrl, `${options.databasePrefix}_${name}`));
    for (const name of options.services) spawnService(name);
    await Promise.all(options.services.map((name) => waitReady(services[name]!, children.get(name)!, options.readyTimeoutMs ?? 60_000)));
  } catch (err) {
    await stop();
    throw err;
  }
  return {
    services,
    stop,
    async stopService(name, timeoutMs = 15_000) {
      stopping.add(name);
      await stopChildren([children.get(name)!], timeoutMs);
    },
    async startService(name) {
      if (isRunning(children.get(name))) throw new Error(`${name} is already running`);
      stopping.delete(name);
      await waitReady(services[name]!, spawnService(name), options.readyTimeoutMs ?? 60_000);
    },
  };
}

async function waitReady(service: RunningService, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < deadline) {
    if (!isRunning(child)) {
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
