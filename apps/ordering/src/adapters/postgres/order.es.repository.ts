import { type EventDispatcher, NotFoundError } from '@mallbots/ddd';
import {
  AggregateRepository,
  everyNEvents,
  PgEventStore,
  PgSnapshotStore,
  type EventStore,
  type SnapshotStore,
  type SnapshotStrategy,
} from '@mallbots/es';
import type { TransactionRunner } from '@mallbots/tm/sql';
import { createOrderRegistry, Order, OrderAggregate } from '../../domain/index.js';
import type { OrderRepository } from '../../application/ports/order.repository.port.js';

/**
 * Every third event, as the reference: an order lives through at most four events after creation, so this gives a
 * completed order one snapshot (at `ready`) and keeps the snapshot code path exercised in every order's life.
 */
export const ORDER_SNAPSHOT_EVERY = 3;

export interface OrderStores {
  readonly eventStore: EventStore;
  readonly snapshotStore?: SnapshotStore;
  readonly strategy?: SnapshotStrategy;
  readonly tx: TransactionRunner;
  /** Receives the saved events inside the save's transaction. */
  readonly dispatcher: EventDispatcher;
}

/** The Order repository on libs/es: PostgreSQL `events` + `snapshots` in the service, in-memory stores in unit tests. */
export class OrderEsRepository implements OrderRepository {
  private readonly aggregates: AggregateRepository<Order>;

  constructor(stores: OrderStores) {
    this.aggregates = new AggregateRepository<Order>({
      streamName: OrderAggregate,
      factory: (id) => new Order(id),
      eventStore: stores.eventStore,
      ...(stores.snapshotStore ? { snapshotStore: stores.snapshotStore } : {}),
      strategy: stores.strategy ?? everyNEvents(ORDER_SNAPSHOT_EVERY),
      registry: createOrderRegistry(),
      dispatcher: stores.dispatcher,
      tx: stores.tx,
    });
  }

  /** The service's repository: the libraries' tables (migration 000_es), through the request/message transaction. */
  static postgres(tx: TransactionRunner, dispatcher: EventDispatcher): OrderEsRepository {
    return new OrderEsRepository({ eventStore: new PgEventStore(tx), snapshotStore: new PgSnapshotStore(tx), tx, dispatcher });
  }

  find(id: string): Promise<Order | undefined> {
    return this.aggregates.load(id);
  }

  async get(id: string): Promise<Order> {
    const order = await this.aggregates.load(id);
    if (!order) throw new NotFoundError(`order ${id} not found`);
    return order;
  }

  save(order: Order): Promise<void> {
    return this.aggregates.save(order);
  }
}
