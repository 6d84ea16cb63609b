import { fileURLToPath } from 'node:url';
import { loadServiceConfig, runService } from '@mallbots/platform';
import { loadCosecConfig } from './cosec.config.js';
import { CosecModule } from './cosec.module.js';

/** `node apps/cosec/dist/main.js` (configuration from the environment; see the README). No gRPC API. */
export const migrationsDir = fileURLToPath(new URL('../migrations', import.meta.url));

const config = loadServiceConfig('cosec');
await runService({
  config,
  module: CosecModule.forRoot(config, migrationsDir, loadCosecConfig()),
  openApi: { path: 'cosec-spec', title: 'Create-order saga coordinator (operators)' },
});
