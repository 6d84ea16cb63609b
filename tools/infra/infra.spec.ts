import { infraEnv, type InfraState } from './infra.ts';

describe('infraEnv', () => {
  it('exposes the PostgreSQL and NATS URLs of the state under the variables tests and services read', () => {
    const state: InfraState = {
      name: 'test-1',
      dir: '/tmp/.data/test-1',
      profile: 'test',
      postgres: { port: 5999, user: 'mallbots', password: 'pw', url: 'postgres://mallbots:pw@127.0.0.1:5999/postgres' },
      nats: { port: 4999, monitorPort: 8999, url: 'nats://127.0.0.1:4999' },
    };

    expect(infraEnv(state)).toEqual({
      MALLBOTS_PG_URL: 'postgres://mallbots:pw@127.0.0.1:5999/postgres',
      MALLBOTS_NATS_URL: 'nats://127.0.0.1:4999',
    });
  });
});
