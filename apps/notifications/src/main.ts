import { fileURLToPath } from 'node:url';
import { grpcPackages, protoFiles } from '@mallbots/contracts';
import { loadServiceConfig, runService } from '@mallbots/platform';
import { NotificationsModule } from './notifications.module.js';

/** `node apps/notifications/dist/main.js` (configuration from the environment; see the README). */
export const migrationsDir = fileURLToPath(new URL('../migrations', import.meta.url));

const config = loadServiceConfig('notifications');
await runService({
  config,
  module: NotificationsModule.forRoot(config, migrationsDir),
  grpc: { package: grpcPackages.notifications, protoFile: protoFiles.notifications },
  openApi: { path: 'notifications-spec', title: 'Notifications' },
});
