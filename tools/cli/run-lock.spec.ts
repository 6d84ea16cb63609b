import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runningStart, takeLock } from './run-lock.ts';

describe('the npm start run lock', () => {
  const folder = () => mkdtempSync(join(tmpdir(), 'mallbots-lock-'));

  it('is taken, seen and released', () => {
    const dir = folder();
    expect(runningStart(dir)).toBeUndefined();
    const release = takeLock(dir);
    expect(runningStart(dir)).toBe(process.pid);
    release();
    expect(runningStart(dir)).toBeUndefined();
  });

  it('refuses while another live process holds it, naming the pid', () => {
    const dir = folder();
    writeFileSync(join(dir, 'mallbots.pid'), `${process.ppid}\n`); // a live process that is not this one
    expect(() => takeLock(dir)).toThrow(`MallBots is already running from this folder (pid ${process.ppid})`);
  });

  it('takes over a lock left by a process that no longer exists', () => {
    const dir = folder();
    const gone = spawnSync(process.execPath, ['-e', '']).pid!; // has exited by the time spawnSync returns
    writeFileSync(join(dir, 'mallbots.pid'), `${gone}\n`);
    expect(runningStart(dir)).toBeUndefined();
    takeLock(dir)();
  });
});
