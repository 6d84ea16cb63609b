// Small helpers for the child processes the local run manages (the services, the gateway).
import type { ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';

export function isRunning(child: ChildProcess | undefined): boolean {
  return child !== undefined && child.exitCode === null && child.signalCode === null;
}

/** Resolves when the process has exited (at once if it already has). */
export function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => (isRunning(child) ? child.once('exit', () => resolve()) : resolve()));
}

/** The last lines of a log file, for error messages. */
export function tail(file: string, lines = 30): string {
  return existsSync(file) ? readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n') : '(no log)';
}
