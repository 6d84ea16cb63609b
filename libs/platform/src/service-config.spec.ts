import { ConfigError, loadServiceConfig, parsePgConnection, parseRpcServices, rpcAddress } from './service-config.js';

const minimal = { PG_CONN: 'postgres://u:p@db:5432/customers', NATS_URL: 'nats:4222' };

describe('loadServiceConfig', () => {
  it('applies the reference’s defaults', () => {
    expect(loadServiceConfig('customers', minimal)).toEqual({
      service: 'customers',
      environment: 'development',
      logLevel: 'info',
      postgres: { connection: { connectionString: 'postgres://u:p@db:5432/customers' } },
      nats: { url: 'nats://nats:4222', stream: 'mallbots' },
      http: { host: '0.0.0.0', port: 8080 },
      grpc: { host: '0.0.0.0', port: 9000 },
      rpcServices: {},
      shutdownTimeoutMs: 30_000,
    });
  });

  it('reads every variable, in the reference’s formats (":9000", "30s")', () => {
    const config = loadServiceConfig('baskets', {
      ...minimal,
      ENVIRONMENT: 'production',
      LOG_LEVEL: 'DEBUG',
      NATS_STREAM: 'other',
      WEB_HOST: '127.0.0.1',
      WEB_PORT: ':8081',
      RPC_PORT: '9001',
      RPC_SERVICES: 'STORES=stores:9000, customers=customers:9000',
      SHUTDOWN_TIMEOUT: '500ms',
    });
    expect(config).toMatchObject({
      environment: 'production',
      logLevel: 'debug',
      nats: { stream: 'other' },
      http: { host: '127.0.0.1', port: 8081 },
      grpc: { port: 9001 },
      rpcServices: { STORES: 'stores:9000', CUSTOMERS: 'customers:9000' },
      shutdownTimeoutMs: 500,
    });
    expect(rpcAddress(config, 'stores')).toBe('stores:9000');
    expect(() => rpcAddress(config, 'depot')).toThrow('RPC_SERVICES has no entry for DEPOT');
  });

  it('reports every problem at once and refuses to start', () => {
    let error: unknown;
    try {
      loadServiceConfig('x', { WEB_PORT: 'eighty', LOG_LEVEL: 'loud', SHUTDOWN_TIMEOUT: 'soon', RPC_SERVICES: 'STORES' });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems).toEqual([
      'PG_CONN is required',
      'NATS_URL is required',
      'LOG_LEVEL must be one of trace, debug, info, warn, error, fatal, got "loud"',
      'WEB_PORT must be a port number, got "eighty"',
      'RPC_SERVICES entry "STORES" must look like NAME=host:port',
      'SHUTDOWN_TIMEOUT must be a duration such as 30s or 500ms, got "soon"',
    ]);
  });
});

describe('parsePgConnection', () => {
  it('turns the reference’s key/value DSN into pg fields, with search_path as a startup option', () => {
    expect(parsePgConnection("host=postgres port=5432 user=customers_user password='p w' dbname=mallbots search_path=customers,public sslmode=disable")).toEqual({
      host: 'postgres',
      port: 5432,
      user: 'customers_user',
      password: 'p w',
      database: 'mallbots',
      options: '-c search_path=customers,public',
    });
  });

  it('reports unsupported keys and TLS modes instead of ignoring them', () => {
    const problems: string[] = [];
    parsePgConnection('host=db sslmode=require pool_max_conns=4', problems);
    expect(problems).toEqual(['PG_CONN has an unsupported key "pool_max_conns"', 'PG_CONN sslmode=require is not supported; use a postgres:// URL with ssl settings']);
  });
});

describe('parseRpcServices', () => {
  it('ignores empty entries and upper-cases names', () => {
    expect(parseRpcServices(' stores=stores:9000 ,, ')).toEqual({ STORES: 'stores:9000' });
  });
});
