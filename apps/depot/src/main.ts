import { fileURLToPath } from 'node:url';
import { grpcPackages, protoFiles } from '@mallbots/contracts';
import { ConfigError, loadServiceConfig, runService, type ServiceConfig } from '@mallbots/platform';
import { DepotModule } from './depot.module.js';

/** `node apps/depot/dist/main.js` (configuration from the environment, RPC_SERVICES with STORES; see the README). */
export const migrationsDir = fileURLToPath(new URL('../migrations', import.meta.url));

let config: ServiceConfig;
let module: ReturnType<typeof DepotModule.forRoot>;
try {
  config = loadServiceConfig('depot');
  module = DepotModule.forRoot(config, migrationsDir);
} catch (err) {
  // A configuration problem is the operator's to fix: say what it is, without a stack trace, and exit non-zero.
  if (!(err instanceof ConfigError)) throw err;
  process.stderr.write(`depot: ${err.message}\n`);
  process.exit(1);
}
await runService({
  config,
  module,
  grpc: { package: grpcPackages.depot, protoFile: protoFiles.depot },
  openApi: { path: 'depot-spec', title: 'Depot Operations' },
});
