// Provider verification of ordering-pub: the order events its subscribers expect and the replies to the saga's
// ApproveOrder and RejectOrder (pacts/*-ordering-pub.json: cosec-sub, notifications-sub, search-sub, payments-sub).
// The provider state seeds an order through the real event-sourced repository (on in-memory stores); each event's
// producer runs the real use case, whose saved events the real OrderIntegrationEvents turns into outbox messages,
// and returns the message published; each reply's producer sends the command, addressed as cosec addresses it,
// through libs/am's reply protocol into the real OrderCommandsConsumer, and returns the reply published.
import { describe, it } from '@jest/globals';
import { Header } from '@mallbots/am';
import { RecordingPublisher, toPactMessage } from '@mallbots/am/testing';
import type { ApproveOrder, RejectOrder } from '@mallbots/contracts/ordering';
import { EventDispatcher, Money } from '@mallbots/ddd';
import { InMemoryEventStore, InMemorySnapshotStore } from '@mallbots/es';
import { SagaHeader } from '@mallbots/sec';
import { verifyMessageProvider } from '@mallbots/testing/pact';
import { InMemoryTransactionRunner } from '@mallbots/tm/test-transaction-runners';
import { ApproveOrderCommand } from '../../application/approve-order/approve-order.command.js';
import { ApproveOrderHandler } from '../../application/approve-order/approve-order.handler.js';
import { CancelOrderCommand } from '../../application/cancel-order/cancel-order.command.js';
import { CancelOrderHandler } from '../../application/cancel-order/cancel-order.handler.js';
import { CompleteOrderCommand } from '../../application/complete-order/complete-order.command.js';
import { CompleteOrderHandler } from '../../application/complete-order/complete-order.handler.js';
import { CreateOrderCommand } from '../../application/create-order/create-order.command.js';
import { CreateOrderHandler } from '../../application/create-order/create-order.handler.js';
import { ReadyOrderCommand } from '../../application/ready-order/ready-order.command.js';
import { ReadyOrderHandler } from '../../application/ready-order/ready-order.handler.js';
import { RejectOrderCommand } from '../../application/reject-order/reject-order.command.js';
import { RejectOrderHandler } from '../../application/reject-order/reject-order.handler.js';
import { Order } from '../../domain/index.js';
import { OrderEsRepository } from '../postgres/order.es.repository.js';
import { OrderIntegrationEvents } from './order-integration-events.js';
import { OrderingMessage, orderingRegistry } from './ordering.messages.js';
import { deliverCommand, sagaCommandMessage } from './testing/ordering.pact-harness.js';

const registry = orderingRegistry();

const REPLY_HEADERS = [Header.ReplyOutcome, Header.ReplySagaId, Header.ReplySagaName, SagaHeader.ReplyStep, SagaHeader.ReplyCompensating, SagaHeader.ReplyAttempt];
const FAILURE_HEADERS = [...REPLY_HEADERS, Header.ReplyError];
const LINE = { productId: 'p-1', storeId: 's-1', storeName: 'Corner Store', productName: 'Widget', price: 1.25, quantity: 2 };

type Stage = 'pending' | 'approved' | 'cancelled' | 'ready';

/** The ordering service on in-memory stores: the real repository, with the real integration events into an outbox. */
function orderingService() {
  const dispatcher = new EventDispatcher();
  const outbox = new RecordingPublisher();
  new OrderIntegrationEvents(dispatcher, outbox, registry).onModuleInit();
  const orders = new OrderEsRepository({ eventStore: new InMemoryEventStore(), snapshotStore: new InMemorySnapshotStore(), tx: new InMemoryTransactionRunner(), dispatcher });
  return { orders, outbox };
}

let service = orderingService();
let order = { id: '', customerId: '', paymentId: '' };

/** The state's order, brought to `stage` through the domain's own transitions; what seeding published is forgotten. */
async function given(params: Record<string, string> | undefined, stage?: Stage): Promise<void> {
  service = orderingService();
  order = { id: params?.['id'] ?? 'order-1', customerId: params?.['customerId'] ?? 'customer-1', paymentId: params?.['paymentId'] ?? 'payment-1' };
  if (!stage) return;
  const seeded = Order.create(order.id, { customerId: order.customerId, paymentId: order.paymentId, items: [{ ...LINE, price: Money.fromDecimal(LINE.price) }] });
  const steps: Record<Stage, ((o: Order) => void)[]> = {
    pending: [],
    approved: [(o) => o.approve('shopping-1')],
    cancelled: [(o) => o.cancel()],
    ready: [(o) => o.approve('shopping-1'), (o) => o.ready()],
  };
  for (const step of steps[stage]) step(seeded);
  await service.orders.save(seeded);
  service.outbox.messages.splice(0);
}

/** Runs a use case and returns the integration event it published, as Pact sees it. */
async function published(useCase: () => Promise<unknown>) {
  await useCase();
  return toPactMessage(registry, service.outbox.last());
}

/** `name` for the state's order, sent as the saga sends its step `step`, answered by the real consumer. */
async function replyTo<P>(name: string, payload: P, step: number, compensating: boolean, headerKeys: readonly string[]) {
  const replies = await deliverCommand(service.orders, sagaCommandMessage(name, payload, step, compensating, order.id));
  return toPactMessage(registry, replies.last(), headerKeys);
}

const approveOrder = (headerKeys: readonly string[]) => replyTo<ApproveOrder>(OrderingMessage.ApproveOrder, { id: order.id, shoppingId: 'shopping-1' }, 5, false, headerKeys);
const rejectOrder = (headerKeys: readonly string[]) => replyTo<RejectOrder>(OrderingMessage.RejectOrder, { id: order.id }, 0, true, headerKeys);

describe('ordering-pub (provider): the order events and the replies to the saga', () => {
  it('publishes what its subscribers and the saga expect', async () => {
    await verifyMessageProvider({
      provider: 'ordering-pub',
      consumers: ['cosec-sub', 'notifications-sub', 'search-sub', 'payments-sub'],
      stateHandlers: {
        'a basket is checked out': (_state, params) => given(params),
        'a pending order': (_state, params) => given(params, 'pending'),
        'an approved order': (_state, params) => given(params, 'approved'),
        'a cancelled order': (_state, params) => given(params, 'cancelled'),
        'a ready order': (_state, params) => given(params, 'ready'),
      },
      messageProviders: {
        'an OrderCreated message': () =>
          published(() => new CreateOrderHandler(service.orders).execute(new CreateOrderCommand(order.id, order.customerId, order.paymentId, [LINE]))),
        'an OrderApproved message': () => published(() => new ApproveOrderHandler(service.orders).execute(new ApproveOrderCommand(order.id, 'shopping-1'))),
        'an OrderRejected message': () => published(() => new RejectOrderHandler(service.orders).execute(new RejectOrderCommand(order.id))),
        'an OrderCanceled message': () => published(() => new CancelOrderHandler(service.orders).execute(new CancelOrderCommand(order.id))),
        'an OrderReadied message': () => published(() => new ReadyOrderHandler(service.orders).execute(new ReadyOrderCommand(order.id))),
        'an OrderCompleted message': () => published(() => new CompleteOrderHandler(service.orders).execute(new CompleteOrderCommand(order.id, 'invoice-1'))),
        'a success reply to ApproveOrder': () => approveOrder(REPLY_HEADERS),
        'a failure reply to ApproveOrder': () => approveOrder(FAILURE_HEADERS),
        'a success reply to RejectOrder': () => rejectOrder(REPLY_HEADERS),
        'a failure reply to RejectOrder': () => rejectOrder(FAILURE_HEADERS),
      },
    });
  });
});
