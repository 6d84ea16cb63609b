// `npm run dlq -- list|show|replay …`: inspect and replay the dead letters a service's consumers left in its
// database (libs/tm PgDeadLetterStore), republishing through JetStream with libs/am's replayDeadLetter.
// Arguments are checked first (a bad call exits 2 having built, connected to and changed nothing); then the
// libraries are built, because the command runs on the BUILT packages (node_modules/@mallbots/* → libs/*/dist).
import { spawnSync } from 'node:child_process';
import { workspaceRoot } from '../infra/infra.ts';
import { step } from '../infra/log.ts';
import { DLQ_USAGE, parseDlqArgs } from './dlq-args.ts';
import { consoleIo, type DlqIo } from './redact.ts';

type Env = Readonly<Record<string, string | undefined>>;

/** Exit codes: 0 done, 1 failed (unknown id, unreachable server…), 2 bad arguments. */
export async function dlqCommand(argv: readonly string[], io: DlqIo = consoleIo, env: Env = process.env, buildLibraries: () => number = buildWithNx): Promise<number> {
  const parsed = parseDlqArgs(argv, env);
  if (parsed.kind === 'help') {
    io.out(DLQ_USAGE);
    return 0;
  }
  if (parsed.kind === 'error') {
    io.err(`dlq: ${parsed.message}\n`);
    io.err(DLQ_USAGE);
    return 2;
  }
  const built = buildLibraries();
  if (built !== 0) return built;
  const { runWithConnections } = await import('./dlq-run.ts');
  return runWithConnections(parsed.command, io);
}

/**
 * Builds the libraries the command imports (Nx adds their dependencies and skips what is up to date). The build's
 * output is shown only when it fails, so stdout stays the command's own (`list --json | jq` works).
 */
function buildWithNx(): number {
  step('building the libraries…');
  const build = spawnSync('npx', ['nx', 'run-many', '-t', 'build', '--projects=ddd,am,tm', '--outputStyle=static'], {
    cwd: workspaceRoot,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NX_DAEMON: 'false', NX_TUI: 'false', NX_NO_CLOUD: 'true' },
  });
  if (build.status === 0) return 0;
  process.stderr.write(`${build.stdout ?? ''}${build.stderr ?? ''}${build.error ? `${build.error.message}\n` : ''}`);
  step('building the libraries failed');
  return build.status ?? 1;
}
