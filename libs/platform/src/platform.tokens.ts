/** DI tokens the platform provides to a service's modules. */
export const SERVICE_CONFIG = Symbol.for('mallbots.platform.ServiceConfig');
/** A pg.Pool outside the request transaction (relay, dead letters, readiness); repositories use the TransactionRunner. */
export const PG_POOL = Symbol.for('mallbots.platform.PgPool');
/** The service's JetStreamConnection. */
export const JETSTREAM = Symbol.for('mallbots.platform.JetStream');
/** MessagePublisher for integration events and commands: the outbox, inside the current transaction. */
export const EVENT_PUBLISHER = Symbol.for('mallbots.platform.EventPublisher');
