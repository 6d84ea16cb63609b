import { fileURLToPath } from 'node:url';
import { grpcPackages, protoFiles } from '@mallbots/contracts';
import { loadServiceConfig, runService } from '@mallbots/platform';
import { PaymentsModule } from './payments.module.js';

/** `node apps/payments/dist/main.js` (configuration from the environment; see the README). */
export const migrationsDir = fileURLToPath(new URL('../migrations', import.meta.url));

const config = loadServiceConfig('payments');
await runService({
  config,
  module: PaymentsModule.forRoot(config, migrationsDir),
  grpc: { package: grpcPackages.payments, protoFile: protoFiles.payments },
  openApi: { path: 'payments-spec', title: 'Payments' },
});
