// Finds the system binaries the local infrastructure needs and installs the Debian packages when missing.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { InfraError, step } from './log.ts';

let aptUpdated = false;

function onPath(binary: string): string | undefined {
  const r = spawnSync('sh', ['-c', `command -v ${binary}`], { encoding: 'utf8' });
  const out = r.stdout.trim();
  return r.status === 0 && out ? out : undefined;
}

function isRoot(): boolean {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}

/** Installs Debian packages with apt-get (as root, or through passwordless sudo). Throws a clear error otherwise. */
export function aptInstall(packages: string[], why: string): void {
  const hasApt = Boolean(onPath('apt-get'));
  const sudo = isRoot() ? [] : spawnSync('sudo', ['-n', 'true']).status === 0 ? ['sudo', '-n'] : undefined;
  if (!hasApt || !sudo) {
    throw new InfraError(
      `${why} needs the system package(s) ${packages.join(', ')}, which are not installed` +
        (hasApt ? ' and this user cannot run apt-get (not root, no passwordless sudo).' : ' and this machine has no apt-get.') +
        `\nInstall them yourself (Debian/Ubuntu: apt-get install ${packages.join(' ')}; macOS: brew install ${packages.join(' ')}) and run the command again.`,
    );
  }
  const run = (args: string[]) => {
    const [cmd, ...rest] = [...sudo, ...args];
    execFileSync(cmd!, rest, { stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  };
  if (!aptUpdated) {
    step('apt-get update (once, to find system packages)…');
    run(['apt-get', 'update', '-qq']);
    aptUpdated = true;
  }
  step(`installing ${packages.join(', ')} with apt-get (${why})…`);
  run(['apt-get', 'install', '-y', '-qq', '--no-install-recommends', ...packages]);
}

/** Directory holding initdb/pg_ctl/postgres of the newest installed PostgreSQL. */
export function postgresBinDir(): string {
  const find = (): string | undefined => {
    const base = '/usr/lib/postgresql';
    if (existsSync(base)) {
      const versions = readdirSync(base)
        .filter((v) => existsSync(`${base}/${v}/bin/pg_ctl`))
        .sort((a, b) => Number(b) - Number(a));
      if (versions[0]) return `${base}/${versions[0]}/bin`;
    }
    const pgCtl = onPath('pg_ctl');
    if (pgCtl && onPath('initdb')) return execFileSync('dirname', [pgCtl], { encoding: 'utf8' }).trim();
    return undefined;
  };
  const found = find();
  if (found) return found;
  aptInstall(['postgresql'], 'PostgreSQL');
  const after = find();
  if (!after) throw new InfraError('PostgreSQL was installed but pg_ctl was not found under /usr/lib/postgresql/*/bin.');
  return after;
}

export function natsServerBinary(): string {
  const found = onPath('nats-server');
  if (found) return found;
  aptInstall(['nats-server'], 'NATS JetStream');
  const after = onPath('nats-server');
  if (!after) throw new InfraError('nats-server was installed but is not on the PATH.');
  return after;
}

export function nginxBinary(): string {
  // Debian puts nginx in /usr/sbin, which is not on every user's PATH.
  const find = () => onPath('nginx') ?? (existsSync('/usr/sbin/nginx') ? '/usr/sbin/nginx' : undefined);
  const found = find();
  if (found) return found;
  aptInstall(['nginx'], 'the Nginx gateway');
  const after = find();
  if (!after) throw new InfraError('nginx was installed but neither the PATH nor /usr/sbin has it.');
  return after;
}
