export { EventDispatcher } from '@mallbots/ddd';

/** The in-process dispatcher the use cases publish saved aggregates' events to (L02); handlers share the transaction. */
export const DOMAIN_EVENTS = Symbol.for('depot.DomainEvents');
