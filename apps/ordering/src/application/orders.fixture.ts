// Test kit for the use cases: the real Order repository (libs/es AggregateRepository) on in-memory event and
// snapshot stores, so handlers are tested against the same load/save/dispatch semantics as in the service.
import { type DomainEvent, EventDispatcher, Money } from '@mallbots/ddd';
import { InMemoryEventStore, InMemorySnapshotStore } from '@mallbots/es';
import { InMemoryTransactionRunner } from '@mallbots/tm/test-transaction-runners';
import { OrderEsRepository } from '../adapters/postgres/order.es.repository.js';
import { Order, type OrderStatus } from '../domain/index.js';
import type { CreateOrderItem } from './create-order/create-order.command.js';

export interface OrdersKit {
  readonly orders: OrderEsRepository;
  readonly eventStore: InMemoryEventStore;
  /** Every event the repository saved and dispatched since the kit was made (or `forget()`), in order. */
  readonly saved: DomainEvent[];
  /** Names of the saved events. */
  savedNames(): string[];
  forget(): void;
}

export function inMemoryOrders(): OrdersKit {
  const dispatcher = new EventDispatcher();
  const saved: DomainEvent[] = [];
  dispatcher.subscribe((event) => void saved.push(event));
  const eventStore = new InMemoryEventStore();
  const orders = new OrderEsRepository({ eventStore, snapshotStore: new InMemorySnapshotStore(), tx: new InMemoryTransactionRunner(), dispatcher });
  return {
    orders,
    eventStore,
    saved,
    savedNames: () => saved.map((e) => e.name),
    forget: () => void saved.splice(0),
  };
}

export const checkoutItems: CreateOrderItem[] = [
  { productId: 'p-1', storeId: 's-1', storeName: 'Corner Store', productName: 'Widget', price: 1.1, quantity: 2 },
  { productId: 'p-2', storeId: 's-2', storeName: 'Mega Mart', productName: 'Gadget', price: 0.1, quantity: 1 },
];

export const SHOPPING_ID = 'shopping-1';
export const INVOICE_ID = 'invoice-1';

/** Saves an order `id` brought to `status` through the domain's own transitions, then forgets its events. */
export async function givenOrder(kit: OrdersKit, id: string, status: Exclude<OrderStatus, ''>): Promise<void> {
  const order = Order.create(id, {
    customerId: 'customer-1',
    paymentId: 'payment-1',
    items: [{ productId: 'p-1', storeId: 's-1', storeName: 'Corner Store', productName: 'Widget', price: Money.fromDecimal(1.1), quantity: 2 }],
  });
  const steps: Record<Exclude<OrderStatus, ''>, ((o: Order) => void)[]> = {
    pending: [],
    approved: [(o) => o.approve(SHOPPING_ID)],
    rejected: [(o) => o.reject()],
    cancelled: [(o) => o.cancel()],
    ready: [(o) => o.approve(SHOPPING_ID), (o) => o.ready()],
    completed: [(o) => o.approve(SHOPPING_ID), (o) => o.ready(), (o) => o.complete(INVOICE_ID)],
  };
  for (const step of steps[status]) step(order);
  await kit.orders.save(order);
  kit.forget();
}
