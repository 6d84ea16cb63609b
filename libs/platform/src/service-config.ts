/**
 * A service's configuration from its environment (reference-behaviour §9.1, requirements S06 S07), validated at
 * start-up: every problem is reported at once and the service does not start (O03).
 */
export interface ServiceConfig {
  /** The bounded context, e.g. `customers` (metric prefix, log field, NATS client name). */
  readonly service: string;
  /** `production` switches logs to JSON only; anything else is for development. */
  readonly environment: string;
  readonly logLevel: 'trace' | 'debug' | 'info' | 'warn' | 'error' | 'fatal';
  readonly postgres: { readonly connection: PgConnection };
  readonly nats: { readonly url: string; readonly stream: string };
  readonly http: { readonly host: string; readonly port: number };
  readonly grpc: { readonly host: string; readonly port: number };
  /** Other services' gRPC addresses by upper-case name (RPC_SERVICES `STORES=stores:9000,CUSTOMERS=…`). */
  readonly rpcServices: Readonly<Record<string, string>>;
  readonly shutdownTimeoutMs: number;
}

/** What `pg` needs: a URL, or the fields of a key/value DSN (the reference's compose files use that form). */
export type PgConnection = { readonly connectionString: string } | PgConnectionFields;

export interface PgConnectionFields {
  readonly host?: string;
  readonly port?: number;
  readonly user?: string;
  readonly password?: string;
  readonly database?: string;
  /** e.g. `-c search_path=customers,public` */
  readonly options?: string;
}

export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
  }
}

const LOG_LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal'] as const;

export function loadServiceConfig(service: string, env: Readonly<Record<string, string | undefined>> = process.env): ServiceConfig {
  const problems: string[] = [];
  const required = (name: string): string => {
    const value = env[name]?.trim();
    if (!value) problems.push(`${name} is required`);
    return value ?? '';
  };
  const optional = (name: string, fallback: string): string => env[name]?.trim() || fallback;

  const pgConn = required('PG_CONN');
  const natsUrl = required('NATS_URL');
  const logLevel = optional('LOG_LEVEL', 'info').toLowerCase();
  if (!(LOG_LEVELS as readonly string[]).includes(logLevel)) problems.push(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got "${logLevel}"`);

  const config: ServiceConfig = {
    service,
    environment: optional('ENVIRONMENT', 'development'),
    logLevel: logLevel as ServiceConfig['logLevel'],
    postgres: { connection: pgConn ? parsePgConnection(pgConn, problems) : { connectionString: '' } },
    nats: { url: natsUrl.includes('://') ? natsUrl : `nats://${natsUrl}`, stream: optional('NATS_STREAM', 'mallbots') },
    http: { host: optional('WEB_HOST', '0.0.0.0'), port: port('WEB_PORT', optional('WEB_PORT', '8080'), problems) },
    grpc: { host: optional('RPC_HOST', '0.0.0.0'), port: port('RPC_PORT', optional('RPC_PORT', '9000'), problems) },
    rpcServices: parseRpcServices(env.RPC_SERVICES ?? '', problems),
    shutdownTimeoutMs: duration('SHUTDOWN_TIMEOUT', optional('SHUTDOWN_TIMEOUT', '30s'), problems),
  };
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}

/** `:8080` (the reference's form) or `8080`. */
function port(name: string, raw: string, problems: string[]): number {
  const value = Number(raw.replace(/^:/, ''));
  if (!Number.isInteger(value) || value < 0 || value > 65535) problems.push(`${name} must be a port number, got "${raw}"`);
  return value;
}

/** Go-style durations as the reference uses them: `30s`, `500ms`, `1m`; a bare number is milliseconds. */
function duration(name: string, raw: string, problems: string[]): number {
  const match = /^(\d+(?:\.\d+)?)(ms|s|m)?$/.exec(raw);
  if (!match) {
    problems.push(`${name} must be a duration such as 30s or 500ms, got "${raw}"`);
    return 0;
  }
  const unit = match[2] ?? 'ms';
  return Number(match[1]) * (unit === 'm' ? 60_000 : unit === 's' ? 1_000 : 1);
}

/** `STORES=stores:9000,CUSTOMERS=customers:9000` → { STORES: 'stores:9000', … }; names are upper-cased. */
export function parseRpcServices(raw: string, problems: string[] = []): Record<string, string> {
  const services: Record<string, string> = {};
  for (const entry of raw.split(',').map((e) => e.trim()).filter(Boolean)) {
    const [name, address, ...rest] = entry.split('=').map((p) => p.trim());
    if (!name || !address || rest.length > 0 || !/^[^\s:]+:\d+$/.test(address)) {
      problems.push(`RPC_SERVICES entry "${entry}" must look like NAME=host:port`);
      continue;
    }
    services[name.toUpperCase()] = address;
  }
  return services;
}

/** A postgres:// URL as is; a key/value DSN (`host=… port=… user=… password=… dbname=… search_path=…`) into fields. */
export function parsePgConnection(raw: string, problems: string[] = []): PgConnection {
  if (/^postgres(ql)?:\/\//.test(raw)) return { connectionString: raw };
  const fields: Record<string, string> = {};
  for (const match of raw.matchAll(/(\w+)\s*=\s*('(?:[^'\\]|\\.)*'|\S+)/g)) {
    const value = match[2]!;
    fields[match[1]!] = value.startsWith("'") ? value.slice(1, -1).replace(/\\(.)/g, '$1') : value;
  }
  if (Object.keys(fields).length === 0) {
    problems.push('PG_CONN must be a postgres:// URL or key=value pairs (host=… dbname=… …)');
    return { connectionString: '' };
  }
  const known = new Set(['host', 'port', 'user', 'password', 'dbname', 'search_path', 'sslmode']);
  for (const key of Object.keys(fields)) if (!known.has(key)) problems.push(`PG_CONN has an unsupported key "${key}"`);
  if (fields.sslmode && fields.sslmode !== 'disable') problems.push(`PG_CONN sslmode=${fields.sslmode} is not supported; use a postgres:// URL with ssl settings`);
  return {
    ...(fields.host ? { host: fields.host } : {}),
    ...(fields.port ? { port: Number(fields.port) } : {}),
    ...(fields.user ? { user: fields.user } : {}),
    ...(fields.password ? { password: fields.password } : {}),
    ...(fields.dbname ? { database: fields.dbname } : {}),
    ...(fields.search_path ? { options: `-c search_path=${fields.search_path}` } : {}),
  };
}

/** The address of another service's gRPC server, or a clear error naming the variable to set. */
export function rpcAddress(config: ServiceConfig, name: string): string {
  const address = config.rpcServices[name.toUpperCase()];
  if (!address) throw new ConfigError([`RPC_SERVICES has no entry for ${name.toUpperCase()} (e.g. ${name.toUpperCase()}=${name.toLowerCase()}:9000)`]);
  return address;
}
