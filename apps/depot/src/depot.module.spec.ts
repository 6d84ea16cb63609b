import { ConfigError, loadServiceConfig } from '@mallbots/platform';
import { DepotModule } from './depot.module.js';

describe('DepotModule', () => {
  const env = { PG_CONN: 'postgres://u:p@127.0.0.1:5432/depot', NATS_URL: 'nats://127.0.0.1:4222' };

  it('refuses to start without a STORES entry in RPC_SERVICES (the fallback never dials depot itself)', () => {
    const config = loadServiceConfig('depot', { ...env, RPC_SERVICES: 'CUSTOMERS=customers:9000' });
    expect(() => DepotModule.forRoot(config, '/nowhere')).toThrow(ConfigError);
    expect(() => DepotModule.forRoot(config, '/nowhere')).toThrow('RPC_SERVICES has no entry for STORES (e.g. STORES=stores:9000)');
  });

  it('builds with one', () => {
    const config = loadServiceConfig('depot', { ...env, RPC_SERVICES: 'STORES=stores:9000' });
    expect(DepotModule.forRoot(config, '/nowhere').module).toBe(DepotModule);
  });
});
