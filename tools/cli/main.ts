// The project's command line: `npm test`, `npm run infra:*`, `npm run bench:libs`, `npm run dlq` all arrive here
// (via tools/scripts/run.sh, which has installed the npm dependencies and runs this file on Node 24).
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { startInfra, stopInfra, destroyInfra, infraStatus, infraEnv, dataRoot } from '../infra/infra.ts';
import { InfraError, step } from '../infra/log.ts';
import { runCommand as run } from './run-command.ts';
import { runningStart } from './run-lock.ts';
import { DEV, DEV_INFRA_PORTS } from './dev-data.ts';

/** Sums the Jest JSON results of every project into the closing line CI and people read. */
function summarise(resultsDir: string): { passed: number; failed: number; skipped: number } {
  const total = { passed: 0, failed: 0, skipped: 0 };
  if (!existsSync(resultsDir)) return total;
  for (const file of readdirSync(resultsDir).filter((f) => f.endsWith('.json'))) {
    const r = JSON.parse(readFileSync(join(resultsDir, file), 'utf8')) as { numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number; numRuntimeErrorTestSuites: number };
    total.passed += r.numPassedTests;
    total.failed += r.numFailedTests + r.numRuntimeErrorTestSuites;
    total.skipped += r.numPendingTests + r.numTodoTests;
  }
  return total;
}

/** `npm test`: throwaway PostgreSQL + NATS, then lint, type-check/build and every project's tests. */
async function test(extraArgs: string[]): Promise<number> {
  const name = `test-${process.pid}`;
  let cleaned = false;
  const cleanup = async () => {
    if (cleaned) return;
    cleaned = true;
    await destroyInfra(name).catch((e) => step(`cleanup failed: ${(e as Error).message}`));
  };
  const onSignal = (sig: NodeJS.Signals) => {
    step(`${sig}: stopping the test infrastructure…`);
    void cleanup().then(() => process.exit(130));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    const state = await startInfra({ name, profile: 'test' });
    const resultsDir = join(state.dir, 'test-results');
    rmSync(resultsDir, { recursive: true, force: true });
    const env = { ...infraEnv(state), NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false', MALLBOTS_TEST_RESULTS_DIR: resultsDir };
    const report = () => {
      const t = summarise(resultsDir);
      console.log(`\n${t.passed} passed, ${t.failed} failed${t.skipped ? `, ${t.skipped} skipped` : ''}`);
    };
    const steps: Array<[string, string[]]> = [
      ['npx', ['nx', 'run', 'proto:check']],
      ['npx', ['nx', 'run-many', '-t', 'lint', 'build', 'typecheck', '--outputStyle=stream']],
      ['npx', ['nx', 'run-many', '-t', 'test', '--outputStyle=stream', ...extraArgs]],
    ];
    for (const [cmd, args] of steps) {
      const code = await run(cmd, args, env);
      if (code !== 0) {
        step(`FAILED: ${cmd} ${args.join(' ')} (exit ${code})`);
        report();
        return code;
      }
    }
    step('all checks and tests passed');
    report();
    return 0;
  } finally {
    await cleanup();
  }
}

async function infra(action: string | undefined): Promise<number> {
  switch (action) {
    case 'start': {
      const state = await startInfra({ name: DEV, profile: 'dev', preferredPorts: DEV_INFRA_PORTS });
      console.log(`PostgreSQL  ${state.postgres.url.replace(state.postgres.password, '***')}  (password in .data/${DEV}/infra.json)`);
      console.log(`NATS        ${state.nats.url}  (monitoring http://127.0.0.1:${state.nats.monitorPort})`);
      return 0;
    }
    case 'stop':
      await stopInfra(DEV);
      return 0;
    case 'reset':
      return reset();
    case 'status': {
      const s = infraStatus(DEV);
      console.log(`PostgreSQL: ${s.postgres ? `running on ${s.state?.postgres.port}` : 'stopped'}`);
      console.log(`NATS:       ${s.nats ? `running on ${s.state?.nats.port}` : 'stopped'}`);
      return 0;
    }
    default:
      console.error('usage: infra start|stop|status|reset');
      return 2;
  }
}

/** `npm run reset`: stops the dev servers and deletes .data/dev (every service's data, the logs, the gateway's files). */
async function reset(): Promise<number> {
  const owner = runningStart(join(dataRoot, DEV));
  if (owner !== undefined) {
    console.error(`MallBots is running from .data/${DEV} (pid ${owner}): stop it with Ctrl-C first, then reset.`);
    return 1;
  }
  await destroyInfra(DEV);
  step(`deleted .data/${DEV}: the next \`npm start\` begins with empty databases and streams`);
  return 0;
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'test':
      return test(rest);
    case 'infra':
      return infra(rest[0]);
    case 'start': {
      const { startCommand } = await import('./start.ts');
      return startCommand(rest);
    }
    case 'reset':
      return reset();
    case 'demo': {
      const { loadDemoData } = await import('../demo/demo-data.ts');
      const gateway = rest[0] ?? `http://127.0.0.1:${process.env.GATEWAY_PORT || 8080}`;
      await loadDemoData(gateway, step);
      return 0;
    }
    case 'bench-libs': {
      const { benchLibs } = await import('../bench/bench-libs.ts');
      return benchLibs(rest);
    }
    case 'dlq': {
      const { dlqCommand } = await import('../dlq/dlq-command.ts');
      return dlqCommand(rest);
    }
    case 'busywork': {
      const { busyworkCommand } = await import('../busywork/busywork-command.ts');
      return busyworkCommand(rest);
    }
    case 'pact': {
      const { pactCommand } = await import('../pact/pact-command.ts');
      return pactCommand(rest);
    }
    default:
      console.error('usage: main.ts test | start [--demo] | reset | demo [gateway-url] | infra start|stop|status|reset | bench-libs | dlq list|show|replay | busywork [--help] | pact update|publish|verify|can-i-deploy|record-deployment');
      return 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err) => {
    if (err instanceof InfraError) console.error(`[mallbots] ${err.message}`);
    else console.error(err);
    process.exit(1);
  },
);
