// A real PostgreSQL server from the machine's packages, in a project-local folder, on loopback only.
// When run as root the server runs as the `postgres` system user (initdb refuses root).
import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdirSync, writeFileSync, appendFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { postgresBinDir } from './system-packages.ts';
import { InfraError, step } from './log.ts';

export type Profile = 'dev' | 'test' | 'bench';

export interface PostgresConfig {
  dir: string; // .data/<name>/pg
  port: number;
  user: string;
  password: string;
  profile: Profile;
}

function asServerUser(): { prefix: string[]; uid?: number; gid?: number } {
  if (process.getuid?.() !== 0) return { prefix: [] };
  const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
  try {
    return { prefix: ['runuser', '-u', 'postgres', '--'], uid: id('-u'), gid: id('-g') };
  } catch {
    throw new InfraError('running as root, but there is no `postgres` system user to run PostgreSQL as (initdb refuses root).');
  }
}

function run(cmd: string, args: string[], what: string): void {
  const user = asServerUser();
  const [bin, ...rest] = [...user.prefix, cmd, ...args];
  const r = spawnSync(bin!, rest, { encoding: 'utf8' });
  if (r.status !== 0) throw new InfraError(`${what} failed (exit ${r.status}):\n${r.stdout}\n${r.stderr}`);
}

// Tests trade durability for speed (the data is thrown away); dev and bench keep PostgreSQL's safe defaults so
// benchmark figures mean what they would in production.
const profileSettings: Record<Profile, Record<string, string>> = {
  dev: {},
  bench: {},
  test: { fsync: 'off', synchronous_commit: 'off', full_page_writes: 'off' },
};

export function initPostgres(cfg: PostgresConfig): void {
  const dataDir = join(cfg.dir, 'data');
  if (existsSync(join(dataDir, 'PG_VERSION'))) return;
  const bin = postgresBinDir();
  const user = asServerUser();
  mkdirSync(cfg.dir, { recursive: true, mode: 0o700 });
  const pwFile = join(cfg.dir, 'pwfile');
  writeFileSync(pwFile, cfg.password + '\n', { mode: 0o600 });
  if (user.uid !== undefined) {
    chownSync(cfg.dir, user.uid, user.gid!);
    chownSync(pwFile, user.uid, user.gid!);
  }
  step(`initialising a PostgreSQL cluster in ${dataDir}…`);
  run(join(bin, 'initdb'), ['-D', dataDir, '-U', cfg.user, '--auth=scram-sha-256', `--pwfile=${pwFile}`, '-E', 'UTF8', '--locale=C.UTF-8'], 'initdb');
  const settings: Record<string, string> = {
    listen_addresses: "'127.0.0.1'",
    unix_socket_directories: "''",
    max_connections: '300',
    shared_buffers: "'256MB'",
    ...profileSettings[cfg.profile],
  };
  appendFileSync(join(dataDir, 'postgresql.conf'), '\n# mallbots local infrastructure\n' + Object.entries(settings).map(([k, v]) => `${k} = ${v}`).join('\n') + '\n');
}

export function startPostgres(cfg: PostgresConfig): void {
  initPostgres(cfg);
  const bin = postgresBinDir();
  step(`starting PostgreSQL on 127.0.0.1:${cfg.port}…`);
  try {
    run(join(bin, 'pg_ctl'), ['-D', join(cfg.dir, 'data'), '-l', join(cfg.dir, 'server.log'), '-o', `-p ${cfg.port}`, '-w', '-t', '60', 'start'], 'pg_ctl start');
  } catch (err) {
    const log = existsSync(join(cfg.dir, 'server.log')) ? readFileSync(join(cfg.dir, 'server.log'), 'utf8').split('\n').slice(-15).join('\n') : '';
    throw new InfraError(`${(err as Error).message}\nlast lines of ${join(cfg.dir, 'server.log')}:\n${log}`);
  }
}

export function postgresRunning(cfg: Pick<PostgresConfig, 'dir'>): boolean {
  const dataDir = join(cfg.dir, 'data');
  if (!existsSync(join(dataDir, 'postmaster.pid'))) return false;
  const user = asServerUser();
  const [bin, ...rest] = [...user.prefix, join(postgresBinDir(), 'pg_ctl'), '-D', dataDir, 'status'];
  return spawnSync(bin!, rest).status === 0;
}

export function stopPostgres(cfg: Pick<PostgresConfig, 'dir'>): void {
  if (!postgresRunning(cfg)) return;
  step('stopping PostgreSQL…');
  run(join(postgresBinDir(), 'pg_ctl'), ['-D', join(cfg.dir, 'data'), '-m', 'fast', '-w', '-t', '60', 'stop'], 'pg_ctl stop');
}
