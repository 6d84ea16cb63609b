import { fileURLToPath } from 'node:url';
import { grpcPackages, protoFiles } from '@mallbots/contracts';
import { ConfigError, loadServiceConfig, runService, type ServiceConfig } from '@mallbots/platform';
import { SearchModule } from './search.module.js';

/** `node apps/search/dist/main.js` (configuration from the environment, RPC_SERVICES with CUSTOMERS and STORES; see the README). */
export const migrationsDir = fileURLToPath(new URL('../migrations', import.meta.url));

let config: ServiceConfig;
let module: ReturnType<typeof SearchModule.forRoot>;
try {
  config = loadServiceConfig('search');
  module = SearchModule.forRoot(config, migrationsDir);
} catch (err) {
  // A configuration problem is the operator's to fix: say what it is, without a stack trace, and exit non-zero.
  if (!(err instanceof ConfigError)) throw err;
  process.stderr.write(`search: ${err.message}\n`);
  process.exit(1);
}
await runService({
  config,
  module,
  grpc: { package: grpcPackages.search, protoFile: protoFiles.search },
  openApi: { path: 'search-spec', title: 'Search' },
});
