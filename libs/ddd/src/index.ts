export { newId } from './ids.js';
export { type Metadata, MetadataKeys } from './metadata.js';
export { Entity } from './entity.js';
export { type DomainEvent, createEvent } from './domain-event.js';
export { AggregateRoot } from './aggregate-root.js';
export { EventDispatcher, type EventHandler } from './event-dispatcher.js';
export { type Command, type Reply, type CommandHandler, createCommand, createReply } from './command.js';
export * from './errors.js';
export * from './error-mapping.js';
