// Local infrastructure for development, tests and benchmarks: PostgreSQL and NATS JetStream as real servers in
// `.data/<name>/`, on loopback ports that were free when first started. The state file keeps the ports and the
// generated database password so a restart reuses the same data.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startPostgres, stopPostgres, postgresRunning, type Profile } from './postgres.ts';
import { startNats, stopNats, natsRunning } from './nats.ts';
import { freePort, portInUse } from './ports.ts';
import { step } from './log.ts';

export const workspaceRoot = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');
export const dataRoot = join(workspaceRoot, '.data');

export interface InfraState {
  name: string;
  dir: string;
  profile: Profile;
  postgres: { port: number; user: string; password: string; url: string };
  nats: { port: number; monitorPort: number; url: string };
}

export interface StartOptions {
  name: string; // folder under .data
  profile: Profile;
  preferredPorts?: { postgres?: number; nats?: number; natsMonitor?: number };
}

const stateFile = (dir: string) => join(dir, 'infra.json');

export function readState(name: string): InfraState | undefined {
  const file = stateFile(join(dataRoot, name));
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as InfraState) : undefined;
}

async function pickPort(preferred: number | undefined, previous: number | undefined): Promise<number> {
  for (const candidate of [previous, preferred]) {
    if (candidate && !(await portInUse(candidate))) return candidate;
  }
  return freePort();
}

export async function startInfra(opts: StartOptions): Promise<InfraState> {
  const dir = join(dataRoot, opts.name);
  mkdirSync(dir, { recursive: true, mode: 0o755 });
  const previous = readState(opts.name);
  const pgDir = join(dir, 'pg');
  const natsDir = join(dir, 'nats');
  const pgUp = previous && postgresRunning({ dir: pgDir });
  const natsUp = previous && natsRunning({ dir: natsDir });

  const pgPort = pgUp ? previous.postgres.port : await pickPort(opts.preferredPorts?.postgres, previous?.postgres.port);
  const natsPort = natsUp ? previous.nats.port : await pickPort(opts.preferredPorts?.nats, previous?.nats.port);
  const monitorPort = natsUp ? previous.nats.monitorPort : await pickPort(opts.preferredPorts?.natsMonitor, previous?.nats.monitorPort);
  const user = 'mallbots';
  // Generated once per data folder and kept only there (git-ignored): no password is ever in the repository.
  const password = previous?.postgres.password ?? randomBytes(18).toString('base64url');

  const state: InfraState = {
    name: opts.name,
    dir,
    profile: previous?.profile ?? opts.profile,
    postgres: { port: pgPort, user, password, url: `postgres://${user}:${password}@127.0.0.1:${pgPort}/postgres` },
    nats: { port: natsPort, monitorPort, url: `nats://127.0.0.1:${natsPort}` },
  };
  writeFileSync(stateFile(dir), JSON.stringify(state, null, 2), { mode: 0o600 });

  if (pgUp) step(`PostgreSQL already running on 127.0.0.1:${pgPort}`);
  else startPostgres({ dir: pgDir, port: pgPort, user, password, profile: state.profile });
  if (natsUp) step(`NATS already running on 127.0.0.1:${natsPort}`);
  else await startNats({ dir: natsDir, port: natsPort, monitorPort });
  return state;
}

export async function stopInfra(name: string): Promise<void> {
  const dir = join(dataRoot, name);
  await stopNats({ dir: join(dir, 'nats') });
  stopPostgres({ dir: join(dir, 'pg') });
}

export function infraStatus(name: string): { state?: InfraState; postgres: boolean; nats: boolean } {
  const dir = join(dataRoot, name);
  const state = readState(name);
  return { state, postgres: postgresRunning({ dir: join(dir, 'pg') }), nats: natsRunning({ dir: join(dir, 'nats') }) };
}

/** Stops the servers and deletes the folder (throwaway test and bench infrastructure, or `reset`). */
export async function destroyInfra(name: string): Promise<void> {
  await stopInfra(name);
  rmSync(join(dataRoot, name), { recursive: true, force: true });
}

/** Environment variables through which tests, benchmarks and services find the infrastructure. */
export function infraEnv(state: InfraState): Record<string, string> {
  return {
    MALLBOTS_PG_URL: state.postgres.url,
    MALLBOTS_NATS_URL: state.nats.url,
  };
}
