import { describe, expect, it } from '@jest/globals';
import { Header, type IncomingMessage, type Message } from '@mallbots/am';
import { SagaMetrics, SagaOrchestrator } from '@mallbots/sec';
import { InMemorySagaStore, ManualClock, RecordingPublisher, replyTo } from '@mallbots/sec/testing';
import { InMemoryTransactionRunner } from '@mallbots/tm/test-transaction-runners';
import { Registry } from 'prom-client';
import { createOrderData, type CreateOrderData } from '../../domain/index.js';
import { CosecChannel, CosecMessage as M, cosecRegistry } from './cosec.messages.js';
import { CREATE_ORDER_SAGA_NAME, createOrderSaga, outstandingCommand } from './create-order.saga.js';
import { ACTIONS, FAILURE_CASES } from './create-order.saga.fixture.js';

const ORDER = 'order-1';
const SHOPPING = 'shopping-9';
const data = createOrderData({
  id: ORDER,
  customerId: 'customer-1',
  paymentId: 'payment-1',
  items: [
    { productId: 'p-1', storeId: 's-1', price: 1.1, quantity: 2 },
    { productId: 'p-2', storeId: 's-2', price: 0.1, quantity: 3 },
  ],
});

/** The command each step sends, as the participants must receive it (reference-behaviour §5.1). */
const expected = {
  [M.AuthorizeCustomer]: { subject: CosecChannel.CustomersCommands, payload: { id: 'customer-1' } },
  [M.CreateShoppingList]: {
    subject: CosecChannel.DepotCommands,
    payload: { orderId: ORDER, items: [{ productId: 'p-1', storeId: 's-1', quantity: 2 }, { productId: 'p-2', storeId: 's-2', quantity: 3 }] },
  },
  [M.ConfirmPayment]: { subject: CosecChannel.PaymentsCommands, payload: { id: 'payment-1', amount: 2.5, customerId: 'customer-1' } },
  [M.InitiateShopping]: { subject: CosecChannel.DepotCommands, payload: { id: SHOPPING } },
  [M.ApproveOrder]: { subject: CosecChannel.OrderingCommands, payload: { id: ORDER, shoppingId: SHOPPING } },
  [M.CancelShoppingList]: { subject: CosecChannel.DepotCommands, payload: { id: SHOPPING } },
  [M.RejectOrder]: { subject: CosecChannel.OrderingCommands, payload: { id: ORDER } },
} as const;

const STEP_TIMEOUT_MS = 5_000;

type Answer = 'ok' | 'refuse' | 'silent';

function setup() {
  const registry = cosecRegistry();
  const publisher = new RecordingPublisher();
  const clock = new ManualClock();
  const definition = createOrderSaga({ stepTimeoutMs: STEP_TIMEOUT_MS, maxCompensationAttempts: 2 });
  const saga = new SagaOrchestrator<CreateOrderData>({
    definition,
    store: new InMemorySagaStore(),
    publisher,
    registry,
    tx: new InMemoryTransactionRunner(),
    clock: clock.now,
    metrics: new SagaMetrics(new Registry()),
  });
  /** What a participant replies; CreateShoppingList succeeds with the depot's specific reply. */
  const reply = (command: Message, answer: Answer): IncomingMessage | undefined => {
    if (answer === 'silent') return undefined;
    if (answer === 'refuse') return replyTo(command, { outcome: 'FAILURE', error: `${command.name} refused` });
    if (command.name === M.CreateShoppingList) return replyTo(command, { name: M.CreatedShoppingListReply, payload: registry.serialize(M.CreatedShoppingListReply, { id: SHOPPING }) });
    return replyTo(command);
  };
  let answered = 0;
  /** Answers each new command as `answers` says (default ok) until the saga sends nothing more or waits in silence. */
  const play = async (answers: Partial<Record<string, Answer>> = {}) => {
    while (answered < publisher.messages.length) {
      const command = publisher.messages[answered++]!;
      const answer = reply(command, answers[command.name] ?? 'ok');
      if (!answer) return;
      await saga.handleReply(answer);
    }
  };
  const sent = () => publisher.messages.map((m) => ({ name: m.name, subject: m.subject, payload: registry.deserialize(m.name, m.payload) }));
  return { registry, publisher, clock, definition, saga, play, sent };
}

describe('the create-order saga', () => {
  it('sends each participant its command in order and approves the order with the shopping id', async () => {
    const t = setup();
    await t.saga.start(ORDER, data, { causationId: 'order-created-message' });
    await t.play();

    expect(t.sent()).toEqual(ACTIONS.map((name) => ({ name, ...expected[name] })));
    expect(await t.saga.get(ORDER)).toMatchObject({ name: CREATE_ORDER_SAGA_NAME, status: 'completed', step: 5, done: true, data: { shoppingId: SHOPPING } });
  });

  it('addresses every command to the saga: reply channel, saga id = order id, step, direction', async () => {
    const t = setup();
    await t.saga.start(ORDER, data, { causationId: 'order-created-message' });

    expect(t.publisher.last().headers).toMatchObject({
      [Header.CommandReplyChannel]: 'mallbots.cosec.replies.CreateOrder',
      [Header.CommandSagaId]: ORDER,
      [Header.CommandSagaName]: 'cosec.CreateOrder',
      COMMAND_SAGA_STEP: '1',
      COMMAND_SAGA_COMPENSATING: 'false',
      [Header.CorrelationId]: ORDER,
      [Header.CausationId]: 'order-created-message',
    });
  });

  // A failure at step k compensates exactly the steps below k that have a compensation (J03, J09).
  it.each(FAILURE_CASES)('a refused %s compensates with %p and rejects the order', async (failing, compensations) => {
    const t = setup();
    await t.saga.start(ORDER, data);
    await t.play({ [failing]: 'refuse' });

    const actions = ACTIONS.slice(0, ACTIONS.indexOf(failing) + 1);
    expect(t.sent()).toEqual([...actions, ...compensations].map((name) => ({ name, ...expected[name] })));
    expect(await t.saga.get(ORDER)).toMatchObject({ status: 'compensated', step: 0, compensating: true, done: true, lastError: `${failing} refused` });
  });

  it.each(ACTIONS)('a %s that gets no reply in time compensates like a refusal', async (silent) => {
    const t = setup();
    await t.saga.start(ORDER, data);
    await t.play({ [silent]: 'silent' });
    const before = t.publisher.messages.length;

    t.clock.advance(STEP_TIMEOUT_MS - 1);
    expect(await t.saga.processTimeouts()).toBe(0);
    t.clock.advance(1);
    expect(await t.saga.processTimeouts()).toBe(1);
    await t.play();

    const compensations = t.sent().slice(before).map((c) => c.name);
    expect(compensations).toEqual(ACTIONS.indexOf(silent) > 1 ? [M.CancelShoppingList, M.RejectOrder] : [M.RejectOrder]);
    const compensated = await t.saga.get(ORDER);
    expect(compensated).toMatchObject({ status: 'compensated', lastError: expect.stringContaining('got no reply within 5000 ms') });

    // The reply that finally arrives for the timed-out step changes nothing.
    await t.saga.handleReply(replyTo(t.publisher.messages[before - 1]!));
    expect(await t.saga.get(ORDER)).toEqual(compensated);
    expect(t.publisher.messages).toHaveLength(before + compensations.length);
  });

  it('records no shopping id from a refused CreateShoppingList (fixes #31)', async () => {
    const t = setup();
    await t.saga.start(ORDER, data);
    await t.saga.handleReply(replyTo(t.publisher.last()));
    const createList = t.publisher.last();
    await t.saga.handleReply(replyTo(createList, { outcome: 'FAILURE', name: M.CreatedShoppingListReply, payload: t.registry.serialize(M.CreatedShoppingListReply, { id: 'never-saved' }) }));

    expect((await t.saga.get(ORDER))!.data.shoppingId).toBeUndefined();
  });

  it('ignores a duplicate reply: the step it answered has moved on', async () => {
    const t = setup();
    await t.saga.start(ORDER, data);
    const authorized = replyTo(t.publisher.last());
    await t.saga.handleReply(authorized);
    await t.saga.handleReply({ ...authorized, id: 'a-second-copy' });

    expect(t.publisher.names()).toEqual([M.AuthorizeCustomer, M.CreateShoppingList]);
    expect(await t.saga.get(ORDER)).toMatchObject({ step: 2, status: 'running' });
  });

  it('compensates when the depot acknowledges the list without its id: nothing could be initiated', async () => {
    const t = setup();
    await t.saga.start(ORDER, data);
    await t.saga.handleReply(replyTo(t.publisher.last()));
    await t.saga.handleReply(replyTo(t.publisher.last())); // am.Success instead of CreatedShoppingList
    await t.saga.handleReply(replyTo(t.publisher.last())); // ConfirmPayment

    // InitiateShopping cannot be built; the missing id also makes CancelShoppingList unbuildable: an operator's case.
    expect(t.publisher.names()).toEqual([M.AuthorizeCustomer, M.CreateShoppingList, M.ConfirmPayment]);
    expect(await t.saga.get(ORDER)).toMatchObject({ status: 'failed', step: 2, lastError: expect.stringContaining('did not reply with a shopping list id') });
  });

  it('retries a refused compensation, then parks the saga as failed without rejecting the order', async () => {
    const t = setup();
    await t.saga.start(ORDER, data);
    await t.play({ [M.ConfirmPayment]: 'refuse', [M.CancelShoppingList]: 'refuse' });

    expect(t.publisher.names().slice(3)).toEqual([M.CancelShoppingList, M.CancelShoppingList]);
    expect(await t.saga.get(ORDER)).toMatchObject({ status: 'failed', step: 2, done: true, lastError: expect.stringContaining('gave up after 2 attempts') });
  });

  it('names the command the saga waits for, and none once it is done', async () => {
    const t = setup();
    await t.saga.start(ORDER, data);
    expect(outstandingCommand(t.definition, (await t.saga.get(ORDER))!)).toBe(M.AuthorizeCustomer);
    await t.play({ [M.ConfirmPayment]: 'refuse', [M.CancelShoppingList]: 'silent' });
    expect(outstandingCommand(t.definition, (await t.saga.get(ORDER))!)).toBe(M.CancelShoppingList);
    await t.play();
    t.clock.advance(STEP_TIMEOUT_MS);
    await t.saga.processTimeouts();
    await t.play();
    expect(outstandingCommand(t.definition, (await t.saga.get(ORDER))!)).toBeUndefined();
  });
});
