import { fileURLToPath } from 'node:url';
import { grpcPackages, protoFiles } from '@mallbots/contracts';
import { ConfigError, loadServiceConfig, runService, type ServiceConfig } from '@mallbots/platform';
import { BasketsModule } from './baskets.module.js';

/** `node apps/baskets/dist/main.js` (configuration from the environment, RPC_SERVICES with STORES; see the README). */
export const migrationsDir = fileURLToPath(new URL('../migrations', import.meta.url));

let config: ServiceConfig;
let module: ReturnType<typeof BasketsModule.forRoot>;
try {
  config = loadServiceConfig('baskets');
  module = BasketsModule.forRoot(config, migrationsDir);
} catch (err) {
  // A configuration problem is the operator's to fix: say what it is, without a stack trace, and exit non-zero.
  if (!(err instanceof ConfigError)) throw err;
  process.stderr.write(`baskets: ${err.message}\n`);
  process.exit(1);
}
await runService({
  config,
  module,
  grpc: { package: grpcPackages.baskets, protoFile: protoFiles.baskets },
  openApi: { path: 'baskets-spec', title: 'Shopping Baskets' },
});
