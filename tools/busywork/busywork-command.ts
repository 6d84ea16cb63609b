// `npm run busywork`: options, progress on stderr, the summary on stdout (and --json), Ctrl-C handling, exit code.
// Exit codes: 0 the run ended by its duration; 1 the target did not answer or the JSON file could not be written;
// 2 bad options; 130 (SIGINT) / 143 (SIGTERM) the run was stopped early, after printing its summary. A second
// Ctrl-C quits at once with 130 and no summary.
import { randomInt } from 'node:crypto';
import { statSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { BUSYWORK_HELP, formatDuration, parseBusyworkOptions } from './busywork-options.ts';
import { runBusywork, TargetUnreachableError } from './busywork.ts';
import { ProgressReporter, type ProgressOutput } from './progress.ts';
import { formatSummary, summaryJson } from './summary.ts';

export interface CommandIo {
  readonly stdout: ProgressOutput;
  readonly stderr: ProgressOutput;
  readonly env: Readonly<Record<string, string | undefined>>;
}

const EXIT_ON_SIGNAL: Record<string, number> = { SIGINT: 130, SIGTERM: 143 };

export async function busyworkCommand(args: readonly string[], io: CommandIo = { stdout: process.stdout, stderr: process.stderr, env: process.env }): Promise<number> {
  const parsed = parseBusyworkOptions(args, io.env);
  if ('help' in parsed) {
    io.stdout.write(`${BUSYWORK_HELP}\n`);
    return 0;
  }
  if ('error' in parsed) {
    io.stderr.write(`busywork: ${parsed.error} (see --help)\n`);
    return 2;
  }
  const options = { ...parsed.options, seed: parsed.options.seed ?? randomInt(0, 2 ** 32) };
  if (options.json !== undefined) {
    const dir = dirname(resolve(options.json));
    if (!isDirectory(dir)) {
      io.stderr.write(`busywork: --json ${options.json}: the directory ${dir} does not exist (see --help)\n`);
      return 2;
    }
  }

  const progress = new ProgressReporter(io.stderr);
  const interrupt = new AbortController();
  let stoppedBy: string | undefined;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stoppedBy !== undefined) {
      progress.note(`${signal} again: quitting without a summary`);
      process.exit(EXIT_ON_SIGNAL[signal] ?? 130);
    }
    stoppedBy = signal;
    progress.note(`${signal}: stopping, calls under way are aborted and the summary follows (Ctrl-C again to quit at once)`);
    interrupt.abort();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);

  const mode = options.stress ? 'stress mode (no think time)' : 'kiosk think time';
  progress.note(`${options.clients} client(s), ${mode}, for ${formatDuration(options.durationMs)} against ${options.target} (seed ${options.seed})`);
  try {
    const report = await runBusywork(options, {
      interrupt: interrupt.signal,
      onProgress: (snapshot) => progress.update(snapshot, performance.now()),
      onNewError: (group) => progress.note(`new error: ${group.route} answered ${group.status}: ${clip(group.example)}`),
    });
    progress.done();
    io.stdout.write(formatSummary(report));
    if (options.json !== undefined) {
      try {
        writeFileSync(options.json, `${JSON.stringify(summaryJson(report), null, 2)}\n`);
      } catch (err) {
        io.stderr.write(`busywork: could not write ${options.json}: ${(err as Error).message}\n`);
        return 1;
      }
    }
    return stoppedBy === undefined ? 0 : (EXIT_ON_SIGNAL[stoppedBy] ?? 130);
  } catch (err) {
    progress.done();
    if (err instanceof TargetUnreachableError) {
      io.stderr.write(`busywork: ${err.message}\n`);
      return 1;
    }
    throw err;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

function clip(text: string): string {
  return text.length > 160 ? `${text.slice(0, 160)}…` : text;
}
