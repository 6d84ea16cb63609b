import { type DynamicModule, Inject, Injectable, Logger, Module, type OnApplicationBootstrap, type OnApplicationShutdown, type Provider } from '@nestjs/common';
import { APP_FILTER, APP_INTERCEPTOR } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import pg from 'pg';
import { DataSource } from 'typeorm';
import {
  AmModule,
  connectJetStream,
  deadLetterGauge,
  ensureStream,
  JetStreamPublisher,
  JetStreamSubscriber,
  type JetStreamConnection,
  type MessageRegistry,
  receivedMessagesMiddleware,
  sentMessagesCounter,
  tracingMiddleware,
} from '@mallbots/am';
import { esSchemaSql } from '@mallbots/es';
import { secSchemaSql } from '@mallbots/sec';
import { inboxMiddleware, inSavepoint, OutboxRelay, OutboxWriter, PgDeadLetterStore, RetentionJob, TmModule, TRANSACTION_RUNNER, tmSchemaSql, type TransactionRunner } from '@mallbots/tm';
import { createDataSource, poolConfig } from './database.js';
import { ErrorFilter } from './error.filter.js';
import { HealthController, READINESS_CHECKS, type ReadinessCheck } from './health.controller.js';
import { loggingModule } from './logging.js';
import { TransactionInterceptor } from './transaction.interceptor.js';
import { TracingInterceptor } from './tracing/tracing.interceptor.js';
import { shutdownTracing } from './tracing/tracing-sdk.js';
import { migrationsFromDirectory, runMigrations, type Migration } from './migrations.js';
import { EVENT_PUBLISHER, JETSTREAM, PG_POOL, SERVICE_CONFIG } from './platform.tokens.js';
import type { ServiceConfig } from './service-config.js';

export interface PlatformOptions {
  readonly config: ServiceConfig;
  /** The service's message types (its own and those it consumes). */
  readonly registry: MessageRegistry;
  /** The service's `migrations/` folder (NNN_name.sql), applied after the libraries' tables. */
  readonly migrationsDir: string;
  /** Connections of the transactional pool (TypeORM). Default 10. */
  readonly poolSize?: number;
}

const OUTBOX_CHANNEL = 'outbox';
const DAY = 24 * 60 * 60 * 1000;

/**
 * The libraries' tables, first in every service database: the reference gives every service events, snapshots,
 * inbox, outbox and sagas tables (§7.2); their DDL is idempotent, so a later library version can extend it.
 */
const libraryMigrations: Migration[] = [
  { version: '000_tm', sql: tmSchemaSql },
  { version: '000_es', sql: esSchemaSql },
  { version: '000_sec', sql: secSchemaSql },
];

/** Starts the relay and retention once everything is built; stops them and closes connections in order at shutdown. */
@Injectable()
class PlatformLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Platform');

  constructor(
    @Inject(OutboxRelay) private readonly relay: OutboxRelay,
    @Inject(RetentionJob) private readonly retention: RetentionJob,
    @Inject(JETSTREAM) private readonly jetstream: JetStreamConnection,
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(PG_POOL) private readonly pool: pg.Pool,
  ) {}

  onApplicationBootstrap(): void {
    this.relay.start();
    this.retention.start();
  }

  /** AmModule has drained the consumers before this (beforeApplicationShutdown). */
  async onApplicationShutdown(): Promise<void> {
    await this.relay.stop();
    await this.retention.stop();
    await this.jetstream.close();
    await this.dataSource.destroy();
    await this.pool.end();
    this.logger.log('stopped');
    await shutdownTracing();
  }
}

/**
 * Everything a MallBots service stands on, in one module (architecture §4, requirements S01 S02): configuration,
 * PostgreSQL (migrations at start-up; TypeORM + nestjs-cls transactions through libs/tm), NATS JetStream (stream
 * ensured), the outbox writer as the event publisher, the outbox relay, consumers through AmModule with tracing,
 * metrics and the inbox (group commit) around every handler, command refusals isolated in savepoints, dead letters
 * in PostgreSQL, retention, `/liveness`, `/readiness`, `/metrics`, and one error filter for REST and gRPC.
 */
@Module({})
export class PlatformModule {
  static forRoot(options: PlatformOptions): DynamicModule {
    const { config, registry } = options;
    const service = config.service;

    const database: DynamicModule = {
      module: class PlatformDatabaseModule {},
      global: true,
      providers: [
        { provide: SERVICE_CONFIG, useValue: config },
        {
          provide: PG_POOL,
          useFactory: async () => {
            const pool = new pg.Pool(poolConfig(config.postgres.connection, { max: 4, application_name: `${service}` }));
            // An idle client whose connection drops (database restart, failover) emits 'error' on the pool; unhandled,
            // it would end the process. The pool replaces the client on next use; readiness reports the outage.
            pool.on('error', (err) => new Logger('PgPool').warn(`idle PostgreSQL connection lost: ${err.message}`));
            await runMigrations(pool, [...libraryMigrations, ...migrationsFromDirectory(options.migrationsDir)], `${service}:migrations`);
            return pool;
          },
        },
        {
          provide: DataSource,
          // After PG_POOL: the schema exists before anything uses the transactional pool.
          inject: [PG_POOL],
          useFactory: async () => createDataSource(config.postgres.connection, options.poolSize ?? 10).initialize(),
        },
        {
          provide: JETSTREAM,
          useFactory: async () => {
            const connection = await connectJetStream({ servers: config.nats.url, name: service });
            await ensureStream(connection.jsm, { name: config.nats.stream });
            return connection;
          },
        },
      ],
      exports: [SERVICE_CONFIG, PG_POOL, DataSource, JETSTREAM],
    };
    const outbox: DynamicModule = {
      module: class PlatformOutboxModule {},
      global: true,
      providers: [
        { provide: PgDeadLetterStore, inject: [PG_POOL], useFactory: (pool: pg.Pool) => new PgDeadLetterStore(pool) },
        {
          provide: EVENT_PUBLISHER,
          inject: [TRANSACTION_RUNNER],
          useFactory: (tx: TransactionRunner) => new OutboxWriter(tx, { channel: OUTBOX_CHANNEL, sentCounter: sentMessagesCounter(service) }),
        },
      ],
      exports: [PgDeadLetterStore, EVENT_PUBLISHER],
    };

    const messaging: Provider[] = [
      {
        provide: OutboxRelay,
        inject: [PG_POOL, JETSTREAM],
        useFactory: (pool: pg.Pool, jetstream: JetStreamConnection) =>
          new OutboxRelay({ pool, publisher: new JetStreamPublisher(jetstream, { stream: config.nats.stream }), channel: OUTBOX_CHANNEL, service, applicationName: `${service}-outbox-relay` }),
      },
      {
        provide: RetentionJob,
        inject: [PG_POOL],
        useFactory: (pool: pg.Pool) => new RetentionJob({ db: pool, inboxOlderThanMs: 14 * DAY, publishedOutboxOlderThanMs: 7 * DAY, failuresOlderThanMs: 30 * DAY }),
      },
      {
        provide: READINESS_CHECKS,
        inject: [PG_POOL, JETSTREAM],
        useFactory: (pool: pg.Pool, jetstream: JetStreamConnection): ReadinessCheck[] => [
          { name: 'postgres', check: async () => void (await pool.query('SELECT 1')) },
          {
            name: 'nats',
            check: async () => {
              if (jetstream.nc.isClosed()) throw new Error('connection closed');
              await jetstream.jsm.getAccountInfo();
            },
          },
        ],
      },
      { provide: APP_FILTER, useClass: ErrorFilter },
      // Interceptors run in this order: the span first, so the transaction (and the outbox rows) run inside it.
      { provide: APP_INTERCEPTOR, useClass: TracingInterceptor },
      { provide: APP_INTERCEPTOR, useClass: TransactionInterceptor },
      PlatformLifecycle,
    ];

    return {
      module: PlatformModule,
      global: true,
      imports: [
        loggingModule(config),
        database,
        TmModule.forRoot({ imports: [database], dataSourceToken: DataSource }),
        outbox,
        CqrsModule.forRoot(),
        AmModule.forRoot({
          imports: [database, outbox],
          subscriber: {
            inject: [JETSTREAM, PgDeadLetterStore],
            useFactory: (jetstream: JetStreamConnection, deadLetters: PgDeadLetterStore) => new JetStreamSubscriber({ connection: jetstream, stream: config.nats.stream, deadLetters }),
          },
          middleware: {
            inject: [TRANSACTION_RUNNER, PgDeadLetterStore],
            useFactory: (tx: TransactionRunner, deadLetters: PgDeadLetterStore) => {
              deadLetterGauge(service, deadLetters);
              return [tracingMiddleware(), receivedMessagesMiddleware(service), inboxMiddleware(tx)];
            },
          },
          registry: { useValue: registry },
          replies: { useExisting: EVENT_PUBLISHER },
          commandIsolation: { inject: [TRANSACTION_RUNNER], useFactory: (tx: TransactionRunner) => inSavepoint(tx) },
        }),
      ],
      controllers: [HealthController],
      providers: messaging,
      exports: [TmModule, AmModule],
    };
  }
}
