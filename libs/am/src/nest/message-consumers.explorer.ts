import { type BeforeApplicationShutdown, Inject, Injectable, Logger, type OnApplicationBootstrap, Optional } from '@nestjs/common';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import type { InstanceWrapper } from '@nestjs/core/injector/instance-wrapper.js';
import { commandHandler, type Isolation } from '../command-handler.js';
import { eventHandler } from '../event-messages.js';
import { type HandlerMiddleware, type MessageHandler, type MessagePublisher, type MessageSubscriber, type Subscription, withMiddleware } from '../ports.js';
import type { MessageRegistry } from '../registry.js';
import { COMMAND_ISOLATION, HANDLER_MIDDLEWARE, MESSAGE_REGISTRY, MESSAGE_SUBSCRIBER, REPLY_PUBLISHER } from './am.tokens.js';
import { HANDLER_METADATA, type HandlerKind, type HandlerMetadata, MessageConsumer } from './message-consumer.decorators.js';

type BoundHandler = (...args: never[]) => Promise<unknown>;

/**
 * Subscribes every `@MessageConsumer` provider once the application has bootstrapped (all providers exist, so
 * handlers never see half-built dependencies), and drains the subscriptions before any module's
 * onApplicationShutdown closes what handlers use, such as the database pool (architecture §4.13).
 */
@Injectable()
export class MessageConsumersExplorer implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('AmModule');
  private subscriptions: Subscription[] = [];

  constructor(
    // Explicit tokens: the ESM build must not depend on emitted design:paramtypes (type-only imports erase them).
    @Inject(DiscoveryService) private readonly discovery: DiscoveryService,
    @Inject(MetadataScanner) private readonly scanner: MetadataScanner,
    @Inject(Reflector) private readonly reflector: Reflector,
    @Inject(MESSAGE_SUBSCRIBER) private readonly subscriber: MessageSubscriber,
    @Inject(HANDLER_MIDDLEWARE) private readonly middleware: readonly HandlerMiddleware[],
    @Optional() @Inject(MESSAGE_REGISTRY) private readonly registry?: MessageRegistry,
    @Optional() @Inject(REPLY_PUBLISHER) private readonly replies?: MessagePublisher,
    @Optional() @Inject(COMMAND_ISOLATION) private readonly isolate?: Isolation,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    for (const wrapper of this.discovery.getProviders({ metadataKey: MessageConsumer.KEY })) {
      const options = this.discovery.getMetadataByDecorator(MessageConsumer, wrapper);
      if (!options) continue;
      const { handler, names } = this.handlerOf(wrapper);
      const subscription = await this.subscriber.subscribe({ ...options, filter: options.filter ?? names }, withMiddleware(handler, ...this.middleware));
      this.subscriptions.push(subscription);
      this.logger.log(`${wrapper.name} consumes ${options.subject} as ${options.group} (${names.join(', ')})`);
    }
  }

  async beforeApplicationShutdown(): Promise<void> {
    const subscriptions = this.subscriptions;
    this.subscriptions = [];
    await Promise.all(subscriptions.map((s) => s.drain()));
  }

  private handlerOf(wrapper: InstanceWrapper): { handler: MessageHandler; names: string[] } {
    // A consumer handles messages for the application's lifetime; a request-scoped one would have no instance.
    if (!wrapper.isDependencyTreeStatic() || !wrapper.instance) throw new Error(`@MessageConsumer ${wrapper.name} must be a singleton provider`);
    const instance = wrapper.instance as Record<string, BoundHandler>;
    const byName: Record<string, BoundHandler> = {};
    const kinds = new Set<HandlerKind>();
    for (const method of this.scanner.getAllMethodNames(Object.getPrototypeOf(instance))) {
      const metadata = this.reflector.get<HandlerMetadata | undefined>(HANDLER_METADATA, instance[method]!);
      if (!metadata) continue;
      kinds.add(metadata.kind);
      for (const name of metadata.names) {
        if (byName[name]) throw new Error(`@MessageConsumer ${wrapper.name} handles ${name} twice`);
        byName[name] = instance[method]!.bind(instance);
      }
    }
    const names = Object.keys(byName);
    if (names.length === 0 || kinds.size !== 1) {
      throw new Error(`@MessageConsumer ${wrapper.name} needs handler methods of one kind (@OnMessage, @OnEvent or @OnCommand)`);
    }
    return { handler: this.dispatcher([...kinds][0]!, byName, wrapper.name), names };
  }

  private dispatcher(kind: HandlerKind, byName: Record<string, BoundHandler>, consumer: string): MessageHandler {
    if (kind === 'message') {
      const handlers = byName as unknown as Record<string, MessageHandler>;
      // Names without a method (an explicit, wider filter) are acked unhandled, as eventHandler does.
      return async (message) => (Object.hasOwn(handlers, message.name) ? handlers[message.name]!(message) : undefined);
    }
    if (!this.registry) throw new Error(`@MessageConsumer ${consumer}: @On${kind === 'event' ? 'Event' : 'Command'} needs a MESSAGE_REGISTRY provider`);
    if (kind === 'event') return eventHandler(this.registry, byName as never);
    if (!this.replies) throw new Error(`@MessageConsumer ${consumer}: @OnCommand needs a REPLY_PUBLISHER provider`);
    return commandHandler(this.registry, byName as never, this.replies, this.isolate ? { isolate: this.isolate } : {});
  }
}
