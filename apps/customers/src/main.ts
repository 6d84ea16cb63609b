import { fileURLToPath } from 'node:url';
import { grpcPackages, protoFiles } from '@mallbots/contracts';
import { loadServiceConfig, runService } from '@mallbots/platform';
import { CustomersModule } from './customers.module.js';

/** `node apps/customers/dist/main.js` (configuration from the environment; see the README). */
export const migrationsDir = fileURLToPath(new URL('../migrations', import.meta.url));

const config = loadServiceConfig('customers');
await runService({
  config,
  module: CustomersModule.forRoot(config, migrationsDir),
  grpc: { package: grpcPackages.customers, protoFile: protoFiles.customers },
  openApi: { path: 'customers-spec', title: 'Customers' },
});
