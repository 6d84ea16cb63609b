import { fileURLToPath } from 'node:url';
import { grpcPackages, protoFiles } from '@mallbots/contracts';
import { loadServiceConfig, runService } from '@mallbots/platform';
import { OrderingModule } from './ordering.module.js';

/** `node apps/ordering/dist/main.js` (configuration from the environment; see the README). */
export const migrationsDir = fileURLToPath(new URL('../migrations', import.meta.url));

const config = loadServiceConfig('ordering');
await runService({
  config,
  module: OrderingModule.forRoot(config, migrationsDir),
  grpc: { package: grpcPackages.ordering, protoFile: protoFiles.ordering },
  openApi: { path: 'ordering-spec', title: 'Order Processing' },
});
