import { ConfigError, loadServiceConfig } from '@mallbots/platform';
import { BasketsModule } from './baskets.module.js';

describe('BasketsModule', () => {
  const env = { PG_CONN: 'postgres://u:p@127.0.0.1:5432/baskets', NATS_URL: 'nats://127.0.0.1:4222' };

  it('refuses to start without a STORES entry in RPC_SERVICES, naming the variable', () => {
    const config = loadServiceConfig('baskets', { ...env, RPC_SERVICES: 'CUSTOMERS=customers:9000' });
    expect(() => BasketsModule.forRoot(config, '/nowhere')).toThrow(ConfigError);
    expect(() => BasketsModule.forRoot(config, '/nowhere')).toThrow('RPC_SERVICES has no entry for STORES (e.g. STORES=stores:9000)');
  });

  it('builds with one', () => {
    const config = loadServiceConfig('baskets', { ...env, RPC_SERVICES: 'STORES=stores:9000' });
    expect(BasketsModule.forRoot(config, '/nowhere').module).toBe(BasketsModule);
  });
});
