// Test doubles for users of libs/tm: a broker stand-in for the relay, and a Nest application context wired with
// the production ClsTransactionRunner on a TypeORM DataSource (a test database from @mallbots/testing).
import { type DynamicModule, type INestApplicationContext, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { randomUUID } from 'node:crypto';
import { PublishError, type IncomingMessage, type Message, type MessagePublisher } from '@mallbots/am';
import { ClsTransactionRunner } from './cls-transaction-runner.js';
import { tmSchemaSql } from './tm-schema.js';
import { TmModule } from './tm.module.js';

/**
 * A MessagePublisher the test controls: records every successful publish (in call order) and fails on demand —
 * wholly (`failAll`, a broker outage) or per message (`failIds`, a partial batch failure, as PublishError).
 */
export class FlakyPublisher implements MessagePublisher {
  /** Every message the "broker" acked, in order (duplicates included). */
  readonly published: Message[] = [];
  /** Number of publish calls, failed ones included. */
  calls = 0;
  failAll = false;
  failIds = new Set<string>();
  /** Runs after a successful publish is recorded, before publish resolves (e.g. to deliver to a consumer). */
  onPublished?: (messages: readonly Message[]) => Promise<void> | void;

  async publish(messages: readonly Message[]): Promise<void> {
    this.calls++;
    if (this.failAll) throw new PublishError('broker unavailable', messages.map((m) => m.id));
    const failed = messages.filter((m) => this.failIds.has(m.id)).map((m) => m.id);
    this.published.push(...messages.filter((m) => !this.failIds.has(m.id)));
    if (this.onPublished) await this.onPublished(messages.filter((m) => !this.failIds.has(m.id)));
    if (failed.length > 0) throw new PublishError(`${failed.length} not acked`, failed);
  }

  publishedIds(): string[] {
    return this.published.map((m) => m.id);
  }
}

export interface TransactionalTestApp {
  app: INestApplicationContext;
  dataSource: DataSource;
  runner: ClsTransactionRunner;
  close(): Promise<void>;
}

/**
 * Boots a Nest application context with TmModule on a TypeORM DataSource for `url` (creating the tm tables
 * unless `schema: false`), the way a service wires it, so tests exercise the real ClsTransactionRunner.
 */
export async function bootTransactionalTestApp(url: string, options: { schema?: boolean; poolSize?: number } = {}): Promise<TransactionalTestApp> {
  const dataSource = new DataSource({ type: 'postgres', url, extra: { max: options.poolSize ?? 10 } });
  await dataSource.initialize();
  if (options.schema !== false) await dataSource.query(tmSchemaSql);
  const database: DynamicModule = {
    module: class TestDatabaseModule {},
    providers: [{ provide: DataSource, useValue: dataSource }],
    exports: [DataSource],
  };
  @Module({ imports: [TmModule.forRoot({ imports: [database], dataSourceToken: DataSource })] })
  class TransactionalTestModule {}
  const app = await NestFactory.createApplicationContext(TransactionalTestModule, { logger: false });
  return {
    app,
    dataSource,
    runner: app.get(ClsTransactionRunner),
    async close() {
      await app.close();
      await dataSource.destroy();
    },
  };
}

/** A message with unique id and small defaults. */
export function testMessage(overrides: Partial<Message> = {}): Message {
  return {
    id: randomUUID(),
    name: 'test.Happened',
    subject: 'mallbots.test.events.Thing',
    payload: new TextEncoder().encode('payload'),
    headers: {},
    occurredAt: new Date(),
    ...overrides,
  };
}

/** `message` as consumer `consumer` receives it on delivery `attempt`. */
export function delivered(message: Message, consumer = 'test-consumer', attempt = 1): IncomingMessage {
  return { ...message, consumer, deliveryAttempt: attempt, receivedAt: new Date() };
}
export { PgTestTransactionRunner, InMemoryTransactionRunner } from './test-transaction-runners.js';
