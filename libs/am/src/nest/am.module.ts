import { type DynamicModule, type InjectionToken, Module, type ModuleMetadata, type OptionalFactoryDependency, type Provider } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import type { Isolation } from '../command-handler.js';
import type { HandlerMiddleware, MessagePublisher, MessageSubscriber } from '../ports.js';
import type { MessageRegistry } from '../registry.js';
import { COMMAND_ISOLATION, HANDLER_MIDDLEWARE, MESSAGE_REGISTRY, MESSAGE_SUBSCRIBER, REPLY_PUBLISHER } from './am.tokens.js';
import { MessageConsumersExplorer } from './message-consumers.explorer.js';

/** How one of AmModule's dependencies is provided, as in a Nest provider without `provide`. */
export type ProvidedBy<T> =
  | { useValue: T }
  | { useFactory: (...args: never[]) => T | Promise<T>; inject?: (InjectionToken | OptionalFactoryDependency)[] }
  | { useExisting: InjectionToken };

export interface AmModuleOptions {
  /** Modules exporting what the factories inject (e.g. the JetStream connection module, libs/tm's module). */
  readonly imports?: ModuleMetadata['imports'];
  readonly subscriber: ProvidedBy<MessageSubscriber>;
  /** Wrapped around every handler, outermost first. Default: none. */
  readonly middleware?: ProvidedBy<readonly HandlerMiddleware[]>;
  /** Needed by @OnEvent and @OnCommand consumers. */
  readonly registry?: ProvidedBy<MessageRegistry>;
  /** Needed by @OnCommand consumers; in services the outbox publisher. */
  readonly replies?: ProvidedBy<MessagePublisher>;
  /** Wraps each @OnCommand handler call; in services libs/tm's `inSavepoint(tx)`, so a refusal leaves no writes behind. */
  readonly commandIsolation?: ProvidedBy<Isolation>;
}

/**
 * Lets services declare message handlers the Nest way: `@MessageConsumer({subject, group})` on a provider and
 * `@OnMessage`/`@OnEvent`/`@OnCommand(name)` on its methods. Consumers are subscribed at bootstrap through the
 * provided MessageSubscriber, wrapped in the provided middleware, and drained at shutdown.
 */
@Module({})
export class AmModule {
  static forRoot(options: AmModuleOptions): DynamicModule {
    const providers: Provider[] = [
      { provide: MESSAGE_SUBSCRIBER, ...options.subscriber } as Provider,
      { provide: HANDLER_MIDDLEWARE, ...(options.middleware ?? { useValue: [] }) } as Provider,
      ...(options.registry ? [{ provide: MESSAGE_REGISTRY, ...options.registry } as Provider] : []),
      ...(options.replies ? [{ provide: REPLY_PUBLISHER, ...options.replies } as Provider] : []),
      ...(options.commandIsolation ? [{ provide: COMMAND_ISOLATION, ...options.commandIsolation } as Provider] : []),
      MessageConsumersExplorer,
    ];
    return {
      module: AmModule,
      imports: [DiscoveryModule, ...(options.imports ?? [])],
      providers,
      exports: [
        MESSAGE_SUBSCRIBER,
        HANDLER_MIDDLEWARE,
        ...(options.registry ? [MESSAGE_REGISTRY] : []),
        ...(options.replies ? [REPLY_PUBLISHER] : []),
      ],
    };
  }
}
