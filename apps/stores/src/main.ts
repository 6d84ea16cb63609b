import { fileURLToPath } from 'node:url';
import { grpcPackages, protoFiles } from '@mallbots/contracts';
import { loadServiceConfig, runService } from '@mallbots/platform';
import { loadStoresOptions } from './stores.config.js';
import { StoresModule } from './stores.module.js';

/** `node apps/stores/dist/main.js` (configuration from the environment; see the README). */
export const migrationsDir = fileURLToPath(new URL('../migrations', import.meta.url));

const config = loadServiceConfig('stores');
await runService({
  config,
  module: StoresModule.forRoot(config, migrationsDir, loadStoresOptions()),
  grpc: { package: grpcPackages.stores, protoFile: protoFiles.stores },
  openApi: { path: 'stores-spec', title: 'Store Management' },
});
