/** DI tokens of AmModule: the ports it needs from the service's composition root. */
export const MESSAGE_SUBSCRIBER = Symbol.for('mallbots.am.MessageSubscriber');
/** readonly HandlerMiddleware[] wrapped around every discovered handler, outermost first (e.g. libs/tm's inbox + transaction). */
export const HANDLER_MIDDLEWARE = Symbol.for('mallbots.am.HandlerMiddleware');
/** The MessageRegistry that `@OnEvent` and `@OnCommand` handlers decode with. */
export const MESSAGE_REGISTRY = Symbol.for('mallbots.am.MessageRegistry');
/** The MessagePublisher `@OnCommand` replies go through (in services the outbox, §4.5). */
export const REPLY_PUBLISHER = Symbol.for('mallbots.am.ReplyPublisher');
/** The Isolation each `@OnCommand` handler runs in (in services libs/tm's `inSavepoint(tx)`), see CommandHandlerOptions. */
export const COMMAND_ISOLATION = Symbol.for('mallbots.am.CommandIsolation');
