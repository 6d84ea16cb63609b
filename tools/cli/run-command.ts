import { spawn } from 'node:child_process';
import { workspaceRoot } from '../infra/infra.ts';
import { step } from '../infra/log.ts';

/** Runs a command in the workspace with inherited output; resolves with its exit code (127 when it cannot start). */
export function runCommand(cmd: string, args: string[], env: Record<string, string> = {}): Promise<number> {
  step(`$ ${cmd} ${args.join(' ')}`);
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: workspaceRoot, stdio: 'inherit', env: { ...process.env, ...env } });
    child.on('error', (err) => {
      step(`could not run ${cmd}: ${err.message}`);
      resolve(127);
    });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}
