import { NotFoundError, type EventDispatcher } from '@mallbots/ddd';
import { AggregateRepository, everyNEvents, type EventStore, type SnapshotStore } from '@mallbots/es';
import type { TransactionRunner } from '@mallbots/tm/sql';
import { Basket, BasketAggregate, createBasketRegistry } from '../../domain/index.js';
import type { BasketRepository } from '../../application/ports/basket.repository.port.js';

/**
 * A basket lives for a few minutes and a few dozen events at most (C11, M07): a snapshot every 10 events keeps a
 * load to a handful of rows without writing a snapshot on almost every change (the reference's 3, §14.5 item 47).
 */
export const BASKET_SNAPSHOT_EVERY = 10;

export interface BasketStoreOptions {
  readonly eventStore: EventStore;
  readonly snapshotStore: SnapshotStore;
  readonly tx: TransactionRunner;
  /** Receives the saved events inside the save's transaction (integration events to the outbox, metrics). */
  readonly dispatcher: EventDispatcher;
  readonly snapshotEvery?: number;
}

/**
 * Baskets as event streams through libs/es (`baskets.Basket`): PgEventStore and PgSnapshotStore in the service,
 * the in-memory stores in application tests, with the same behaviour (the stores pass one contract suite).
 */
export class EventSourcedBasketRepository implements BasketRepository {
  private readonly aggregates: AggregateRepository<Basket>;

  constructor(options: BasketStoreOptions) {
    this.aggregates = new AggregateRepository<Basket>({
      streamName: BasketAggregate,
      factory: (id) => new Basket(id),
      eventStore: options.eventStore,
      snapshotStore: options.snapshotStore,
      strategy: everyNEvents(options.snapshotEvery ?? BASKET_SNAPSHOT_EVERY),
      registry: createBasketRegistry(),
      dispatcher: options.dispatcher,
      tx: options.tx,
    });
  }

  async get(id: string): Promise<Basket> {
    const basket = await this.aggregates.load(id);
    if (!basket) throw new NotFoundError(`basket ${id} not found`);
    return basket;
  }

  save(basket: Basket): Promise<void> {
    return this.aggregates.save(basket);
  }
}
