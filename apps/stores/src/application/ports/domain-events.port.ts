export { EventDispatcher } from '@mallbots/ddd';

/**
 * The in-process dispatcher the event-sourced repositories hand every saved event to (L02): the mall and catalog
 * projectors and the integration-event publisher subscribe to it, and run inside the save's transaction.
 */
export const DOMAIN_EVENTS = Symbol.for('stores.DomainEvents');
