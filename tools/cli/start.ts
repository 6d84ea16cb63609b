// `npm start`: the whole system on this machine, with its data kept in .data/dev between runs.
//   install (run.sh) → build → PostgreSQL + NATS → nine services (migrations run as each starts; each has its outbox
//   relay) → Nginx gateway → ready: print the URLs → Ctrl-C: stop the gateway, the services, then the servers.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { dataRoot, startInfra, stopInfra, type InfraState } from '../infra/infra.ts';
import { step } from '../infra/log.ts';
import { assertGatewayPortFree, GATEWAY_CONTEXTS } from '../infra/nginx.ts';
import { nginxBinary } from '../infra/system-packages.ts';
import { startMallbots, type Mallbots } from '../system/mallbots.ts';
import { ALL_SERVICES } from '../system/services.ts';
import { loadDemoData } from '../demo/demo-data.ts';
import { DEV, DEV_INFRA_PORTS } from './dev-data.ts';
import { runCommand } from './run-command.ts';
import { parseStartOptions } from './start-options.ts';
import { takeLock } from './run-lock.ts';

// Stable, easy-to-read addresses for the services when free: HTTP 8101…8109, gRPC 9101…9109 (in ALL_SERVICES order).
const SERVICE_PORTS = { http: 8101, grpc: 9101 };

export const START_USAGE = `usage: npm start [-- --demo]

Builds and starts MallBots: PostgreSQL, NATS JetStream, the nine services and the Nginx gateway.
Data is kept in .data/${DEV} between runs; \`npm run reset\` deletes it.

  --demo        load demo stores, products and customers once the system is up (skipped if already loaded)

Environment:
  GATEWAY_PORT  the gateway's port (default 8080)
  GATEWAY_HOST  the address it listens on (default 127.0.0.1; 0.0.0.0 to reach it from other machines)
  LOG_LEVEL     the services' log level (default info); logs go to .data/${DEV}/logs/<service>.log`;

export async function startCommand(args: string[]): Promise<number> {
  const parsed = parseStartOptions(args, process.env);
  if ('help' in parsed) {
    console.log(START_USAGE);
    return 0;
  }
  if ('error' in parsed) {
    console.error(`${parsed.error}\n\n${START_USAGE}`);
    return 2;
  }
  const { demo, gatewayHost, gatewayPort, logLevel } = parsed.options;
  const dataDir = join(dataRoot, DEV);

  step('building the services (Nx skips what is up to date)…');
  const built = await runCommand('npx', ['nx', 'run-many', '-t', 'build', '-p', ALL_SERVICES.join(','), '--outputStyle=static'], {
    NX_DAEMON: 'false',
    NX_NO_CLOUD: 'true',
    NX_TUI: 'false',
  });
  if (built !== 0) {
    step('the build failed: see the errors above');
    return built;
  }

  nginxBinary(); // installs nginx now if missing, before anything is started
  mkdirSync(dataDir, { recursive: true });
  const releaseLock = takeLock(dataDir); // before touching the servers a running system uses
  let infra: InfraState;
  try {
    await assertGatewayPortFree(gatewayPort); // say so now, not after starting nine services
    infra = await startInfra({ name: DEV, profile: 'dev', preferredPorts: DEV_INFRA_PORTS });
  } catch (err) {
    releaseLock();
    throw err;
  }
  let mallbots: Mallbots | undefined;
  let stopping: Promise<void> | undefined;
  let exitCode = 0;
  let stopped!: () => void;
  const done = new Promise<void>((resolve) => (stopped = resolve));
  const shutdown = (code: number): Promise<void> => {
    exitCode = Math.max(exitCode, code);
    stopping ??= (async () => {
      step('stopping: the gateway, then the services (each drains its consumers and relay), then NATS and PostgreSQL…');
      await mallbots?.stop().catch((e) => step(`stopping the services failed: ${(e as Error).message}`));
      await stopInfra(DEV).catch((e) => step(`stopping the servers failed: ${(e as Error).message}`));
      releaseLock();
      step(`stopped; the data is kept in .data/${DEV} (\`npm run reset\` deletes it)`);
      stopped();
    })();
    return stopping;
  };
  process.once('SIGINT', () => void shutdown(0));
  process.once('SIGTERM', () => void shutdown(0));

  try {
    step(`starting the nine services (logs in .data/${DEV}/logs)…`);
    mallbots = await startMallbots({
      postgresUrl: infra.postgres.url,
      natsUrl: infra.nats.url,
      databasePrefix: 'mallbots',
      dataDir,
      gateway: { host: gatewayHost, port: gatewayPort },
      preferredPorts: SERVICE_PORTS,
      logLevel,
      onUnexpectedExit: (service, code, signal) => {
        step(`${service.name} stopped unexpectedly (${code ?? signal}); see ${service.logFile}. Stopping MallBots.`);
        void shutdown(1);
      },
    });
  } catch (err) {
    await shutdown(1);
    throw err;
  }
  if (stopping) {
    // Ctrl-C or a crash while starting: the shutdown is already under way.
    await done;
    return exitCode;
  }

  const gateway = mallbots.gateway.url;
  console.log(`\nMallBots is up.\n\n  Gateway   ${gateway}\n  API index ${gateway}/`);
  for (const ctx of GATEWAY_CONTEXTS) console.log(`  ${ctx.padEnd(10)}${gateway}/api/${ctx}   spec: ${gateway}/${ctx}-spec/`);
  console.log(`\n  Services (direct, for debugging):`);
  for (const s of Object.values(mallbots.system.services)) console.log(`  ${s.name.padEnd(14)}http ${s.httpAddress}  grpc ${s.grpcAddress}`);
  console.log(`  PostgreSQL    127.0.0.1:${infra.postgres.port} (databases mallbots_<service>; password in .data/${DEV}/infra.json)`);
  console.log(`  NATS          ${infra.nats.url} (monitoring http://127.0.0.1:${infra.nats.monitorPort})`);
  console.log(`\n  Logs      .data/${DEV}/logs/<service>.log, gateway: .data/${DEV}/nginx/access.log`);
  console.log(`\nPress Ctrl-C to stop.\n`);

  if (demo) {
    try {
      await loadDemoData(gateway, step);
    } catch (err) {
      step(`loading the demo data failed: ${(err as Error).message}`);
    }
  }
  await done;
  return exitCode;
}
