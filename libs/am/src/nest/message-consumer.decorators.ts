import { SetMetadata } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import type { SubscriptionOptions } from '../ports.js';

/**
 * Marks a provider as one durable consumer: its decorated methods handle messages of `subject` for `group`.
 * `filter` defaults to the names the methods handle, so other names are acked unseen (§4.2).
 */
export const MessageConsumer = DiscoveryService.createDecorator<SubscriptionOptions>();

/** How a method receives its messages. */
export type HandlerKind = 'message' | 'event' | 'command';

export interface HandlerMetadata {
  readonly kind: HandlerKind;
  readonly names: readonly string[];
}

export const HANDLER_METADATA = 'mallbots.am:handler';

/** `(message: IncomingMessage) => Promise<void>` for the named messages, undecoded. */
export const OnMessage = (...names: string[]): MethodDecorator => SetMetadata<string, HandlerMetadata>(HANDLER_METADATA, { kind: 'message', names });

/** `(event: DomainEvent<P>, message: IncomingMessage) => Promise<void>`, decoded through MESSAGE_REGISTRY (see eventHandler). */
export const OnEvent = (...names: string[]): MethodDecorator => SetMetadata<string, HandlerMetadata>(HANDLER_METADATA, { kind: 'event', names });

/**
 * `(command: Command<P>, message: IncomingMessage) => Promise<Reply | undefined>`, decoded through MESSAGE_REGISTRY and
 * answered through REPLY_PUBLISHER (see commandHandler for the reply protocol).
 */
export const OnCommand = (...names: string[]): MethodDecorator => SetMetadata<string, HandlerMetadata>(HANDLER_METADATA, { kind: 'command', names });
