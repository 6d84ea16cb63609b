export { AmModule, type AmModuleOptions, type ProvidedBy } from './am.module.js';
export { COMMAND_ISOLATION, HANDLER_MIDDLEWARE, MESSAGE_REGISTRY, MESSAGE_SUBSCRIBER, REPLY_PUBLISHER } from './am.tokens.js';
export { MessageConsumer, OnCommand, OnEvent, OnMessage } from './message-consumer.decorators.js';
