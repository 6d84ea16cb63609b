export { EventDispatcher } from '@mallbots/ddd';

/** The in-process dispatcher saved baskets' events go to (L02); handlers share the save's transaction. */
export const DOMAIN_EVENTS = Symbol.for('baskets.DomainEvents');
