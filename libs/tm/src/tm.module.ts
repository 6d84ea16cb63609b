import { type DynamicModule, type InjectionToken, Module, type ModuleMetadata } from '@nestjs/common';
import { ClsModule } from 'nestjs-cls';
import { ClsPluginTransactional, TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { ClsTransactionRunner } from './cls-transaction-runner.js';

/** DI token of the TransactionRunner (es, sec and the application layer depend on the port, not on nestjs-cls). */
export const TRANSACTION_RUNNER = Symbol.for('mallbots.tm.TransactionRunner');

export interface TmModuleOptions {
  /** Modules that export the TypeORM DataSource (e.g. the service's database module). */
  imports?: ModuleMetadata['imports'];
  /** Token the DataSource is provided under (the DataSource class itself with @nestjs/typeorm). */
  dataSourceToken: InjectionToken;
}

/**
 * The transactional plugin for services that configure `ClsModule.forRoot` themselves (request-id middleware,
 * other plugins): add it to their `plugins`, then provide `ClsTransactionRunner` under TRANSACTION_RUNNER.
 */
export function tmTransactionalPlugin(options: TmModuleOptions): ClsPluginTransactional {
  return new ClsPluginTransactional({
    imports: options.imports,
    adapter: new TransactionalAdapterTypeOrm({ dataSourceToken: options.dataSourceToken }),
  });
}

/**
 * Wires nestjs-cls, its transactional plugin (TypeORM adapter) and the TransactionRunner in one global module:
 * `TmModule.forRoot({ imports: [DatabaseModule], dataSourceToken: DataSource })`. Inject the runner with
 * `@Inject(TRANSACTION_RUNNER)`.
 */
@Module({})
export class TmModule {
  static forRoot(options: TmModuleOptions): DynamicModule {
    return {
      module: TmModule,
      global: true,
      imports: [ClsModule.forRoot({ global: true, plugins: [tmTransactionalPlugin(options)] })],
      providers: [
        {
          provide: ClsTransactionRunner,
          inject: [TransactionHost],
          useFactory: (host: TransactionHost<TransactionalAdapterTypeOrm>) => new ClsTransactionRunner(host),
        },
        { provide: TRANSACTION_RUNNER, useExisting: ClsTransactionRunner },
      ],
      exports: [ClsTransactionRunner, TRANSACTION_RUNNER],
    };
  }
}
