export { loadServiceConfig, parsePgConnection, parseRpcServices, rpcAddress, ConfigError, type ServiceConfig, type PgConnection, type PgConnectionFields } from './service-config.js';
export { ErrorFilter, grpcCodeOfHttpStatus } from './error.filter.js';
export { HealthController, READINESS_CHECKS, type ReadinessCheck } from './health.controller.js';
export { migrationsFromDirectory, runMigrations, type Migration } from './migrations.js';
export { createDataSource, poolConfig } from './database.js';
export { PlatformModule, type PlatformOptions } from './platform.module.js';
export { EVENT_PUBLISHER, JETSTREAM, PG_POOL, SERVICE_CONFIG } from './platform.tokens.js';
export { createServiceApp, runService, type ServiceAppOptions } from './bootstrap.js';
