export { EventDispatcher } from '@mallbots/ddd';

/**
 * The in-process dispatcher the order repository hands saved events to (L02), inside the save's transaction: the
 * integration-event publisher (outbox) subscribes to it.
 */
export const DOMAIN_EVENTS = Symbol.for('ordering.DomainEvents');
