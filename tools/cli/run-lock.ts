// One `npm start` per data folder: a second one would fight the first over ports and databases, and `npm run reset`
// must not delete the folder under a running system.
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { InfraError } from '../infra/log.ts';

const lockFile = (dataDir: string) => join(dataDir, 'mallbots.pid');

/** The pid of the `npm start` that owns `dataDir`, if it is still alive. */
export function runningStart(dataDir: string): number | undefined {
  const file = lockFile(dataDir);
  if (!existsSync(file)) return undefined;
  const pid = Number(readFileSync(file, 'utf8').trim());
  if (!(pid > 0)) return undefined;
  try {
    process.kill(pid, 0);
    return pid;
  } catch {
    return undefined; // a stale lock from a run that was killed
  }
}

export function takeLock(dataDir: string): () => void {
  const owner = runningStart(dataDir);
  if (owner !== undefined && owner !== process.pid) {
    throw new InfraError(`MallBots is already running from this folder (pid ${owner}). Stop it with Ctrl-C in its terminal (or \`kill ${owner}\`) first.`);
  }
  writeFileSync(lockFile(dataDir), `${process.pid}\n`);
  return () => rmSync(lockFile(dataDir), { force: true });
}
