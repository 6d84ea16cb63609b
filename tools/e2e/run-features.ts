// Runs the executable specifications (tools/e2e/features) against the whole system, started the way `npm start`
// starts it, talking to it through the gateway:
//
//   node_modules/.bin/node tools/e2e/run-features.ts [cucumber arguments]
//   … tools/e2e/features/baskets.feature          one feature        … baskets.feature:42   one scenario
//   … --tags @outage   --name "pending order"      by tag or name     … --dry-run            steps defined? (nothing started)
//
// 1. PostgreSQL: MALLBOTS_PG_URL when set (npm test sets it), otherwise throwaway servers like npm test's (removed
//    afterwards). NATS: a disposable JetStream of our own, as the lifecycle system test does, because the services
//    have one fixed stream name and cannot share a broker with other tests; with throwaway servers, theirs.
// 2. startMallbots (tools/system/mallbots.ts, what `npm start` runs): nine services on databases `e2e_<time>_*`,
//    logs in a temporary folder, the Nginx gateway on a free port.
// 3. Cucumber through its JavaScript API, in this process (the @outage scenarios need the system's handle), with
//    the gateway and SMS-sandbox URLs as world parameters; one line per scenario, then Cucumber's summary.
// 4. Always stops what it started (also on Ctrl-C); prints "N scenarios passed, M failed"; exits non-zero on any
//    failed, undefined or pending step, and when nothing ran. With MALLBOTS_TEST_RESULTS_DIR, writes
//    tools_e2e.json in the shape npm test's summary reads (tools/cli/main.ts), counting scenarios.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';
import pg from 'pg';
import { loadConfiguration, runCucumber } from '@cucumber/cucumber/api';
import { startDisposableNats, type DisposableNats } from '@mallbots/testing';
import { destroyInfra, startInfra, workspaceRoot } from '../infra/infra.ts';
import { step } from '../infra/log.ts';
import { freePort } from '../infra/ports.ts';
import { startMallbots, type Mallbots } from '../system/mallbots.ts';
import { ALL_SERVICES } from '../system/services.ts';
import { Progress, type Tally } from './progress.ts';
import { provideSystemControl } from './support/system-control.ts';

const FEATURES = 'tools/e2e/features/**/*.feature';
const SUPPORT = ['tools/e2e/support/**/*.ts', 'tools/e2e/steps/**/*.ts'];

/** What `summarise` in tools/cli/main.ts reads: the Jest JSON counters, here counting scenarios. */
function writeResults(tally: Tally, runError: boolean): void {
  const dir = process.env.MALLBOTS_TEST_RESULTS_DIR;
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  const results = { numPassedTests: tally.passed, numFailedTests: tally.failed, numPendingTests: tally.skipped, numTodoTests: 0, numRuntimeErrorTestSuites: runError ? 1 : 0, success: !runError && tally.failed === 0 };
  writeFileSync(join(dir, 'tools_e2e.json'), JSON.stringify(results, null, 2));
}

/** The throwaway resources of one run, released in reverse order, once, whatever happened. */
class Run {
  readonly cleanups: Array<[string, () => Promise<void>]> = [];
  private done: Promise<void> | undefined;

  add(what: string, cleanup: () => Promise<void>): void {
    this.cleanups.unshift([what, cleanup]);
  }

  release(): Promise<void> {
    this.done ??= (async () => {
      for (const [what, cleanup] of this.cleanups) await cleanup().catch((err) => step(`e2e: ${what} failed: ${(err as Error).message}`));
    })();
    return this.done;
  }
}

async function dropDatabases(serverUrl: string, prefix: string): Promise<void> {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    for (const name of ALL_SERVICES) await admin.query(`DROP DATABASE IF EXISTS "${prefix}_${name}" WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}

async function startSystem(run: Run, dataDir: string): Promise<Mallbots> {
  let postgresUrl = process.env.MALLBOTS_PG_URL;
  let natsUrl: string;
  if (postgresUrl) {
    const nats: DisposableNats = await startDisposableNats();
    run.add('closing NATS', () => nats.close());
    natsUrl = nats.url;
  } else {
    const name = `e2e-${process.pid}`;
    step(`e2e: MALLBOTS_PG_URL is not set: starting throwaway PostgreSQL and NATS in .data/${name}`);
    run.add('removing the throwaway servers', () => destroyInfra(name));
    const infra = await startInfra({ name, profile: 'test' });
    postgresUrl = infra.postgres.url;
    natsUrl = infra.nats.url;
  }
  const databasePrefix = `e2e_${Date.now().toString(36)}`;
  if (process.env.MALLBOTS_PG_URL) run.add('dropping the databases', () => dropDatabases(postgresUrl, databasePrefix));
  step(`e2e: starting the nine services and the gateway (logs in ${join(dataDir, 'logs')})…`);
  const mallbots = await startMallbots({
    postgresUrl,
    natsUrl,
    databasePrefix,
    dataDir,
    gateway: { host: '127.0.0.1', port: await freePort() },
    onUnexpectedExit: (service, code, signal) => step(`e2e: ${service.name} stopped unexpectedly (${code ?? signal}); see ${service.logFile}`),
  });
  run.add('stopping the system', () => mallbots.stop());
  provideSystemControl({ stopService: (name) => mallbots.system.stopService(name), startService: (name) => mallbots.system.startService(name) });
  return mallbots;
}

async function main(args: string[]): Promise<number> {
  const started = Date.now();
  const run = new Run();
  const onSignal = (signal: NodeJS.Signals) => {
    step(`e2e: ${signal}: stopping the system…`);
    void run.release().then(() => process.exit(130));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  const progress = new Progress((line) => process.stdout.write(`${line}\n`));
  let ok = false;
  let dataDir: string | undefined;
  try {
    // The user's arguments as the cucumber-js command line has them; ours on top.
    const { useConfiguration, runConfiguration } = await loadConfiguration({ file: false, provided: args });
    const { sources, support, runtime, formats } = runConfiguration;
    sources.paths = sources.paths.length > 0 ? sources.paths.map((p) => (isAbsolute(p) ? p : resolve(process.cwd(), p))) : [FEATURES];
    support.importPaths = [...SUPPORT, ...(support.importPaths ?? [])];
    if (useConfiguration.format.length === 0) formats.stdout = 'summary';
    formats.publish = false;
    runtime.strict = true;
    if (runtime.parallel > 0) {
      step('e2e: --parallel ignored: scenarios share one system and the @outage ones stop parts of it');
      runtime.parallel = 0;
    }

    let world = { gatewayUrl: 'http://dry-run.invalid', notificationsUrl: 'http://dry-run.invalid' };
    if (!runtime.dryRun) {
      dataDir = mkdtempSync(join(tmpdir(), 'mallbots-e2e-'));
      const mallbots = await startSystem(run, dataDir);
      world = { gatewayUrl: mallbots.gateway.url, notificationsUrl: mallbots.system.services.notifications!.httpUrl };
      step(`e2e: gateway ${world.gatewayUrl}; SMS sandbox (notifications) ${world.notificationsUrl}`);
    }
    const waitMs = Number(process.env.MALLBOTS_E2E_WAIT_MS) || undefined;
    runtime.worldParameters = { ...runtime.worldParameters, ...world, ...(waitMs ? { waitMs } : {}) };

    const result = await runCucumber(runConfiguration, { cwd: workspaceRoot }, (envelope) => progress.update(envelope));
    const ran = progress.tally.passed + progress.tally.failed + progress.tally.skipped;
    if (ran === 0 && progress.runErrors.length === 0) progress.runErrors.push('no scenario matched: nothing was specified');
    ok = result.success && progress.tally.failed === 0 && progress.runErrors.length === 0;
  } catch (err) {
    progress.runErrors.push((err as Error).stack ?? String(err));
  } finally {
    provideSystemControl(undefined);
    await run.release();
  }

  for (const error of progress.runErrors) console.error(`e2e: ${error}`);
  const { passed, failed, skipped } = progress.tally;
  writeResults(progress.tally, progress.runErrors.length > 0);
  if (dataDir && ok) rmSync(dataDir, { recursive: true, force: true });
  else if (dataDir) step(`e2e: the services' logs are kept in ${join(dataDir, 'logs')}`);
  console.log(`\n${passed} scenarios passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''} (${((Date.now() - started) / 1000).toFixed(0)} s)`);
  return ok ? 0 : 1;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
