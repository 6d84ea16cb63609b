import { describe, expect, it } from '@jest/globals';
import { Header, isMalformedMessageError, type IncomingMessage, type Message } from '@mallbots/am';
import { Registry } from 'prom-client';
import {
  ACTIONS,
  Cmd,
  CreatedShoppingListReply,
  REPLY_CHANNEL,
  SAGA_NAME,
  createOrderRegistry,
  createOrderSaga,
  drive,
  failAt,
  orderData,
  successfulReply,
  type CreateOrderData,
} from './create-order.fixture.js';
import { defineSaga, type SagaOptions } from './saga-builder.js';
import type { SagaDefinition } from './saga-definition.js';
import { SagaHeader } from './saga-headers.js';
import { SagaMetrics } from './saga-metrics.js';
import { SagaOrchestrator } from './orchestrator.js';
import { InMemoryTransactionRunner } from '@mallbots/tm/test-transaction-runners';
import { InMemorySagaStore, ManualClock, RecordingPublisher, replyTo } from './testing.js';

function setup<Data = CreateOrderData>(options: SagaOptions = {}, definition?: SagaDefinition<Data>) {
  const registry = createOrderRegistry();
  const publisher = new RecordingPublisher();
  const store = new InMemorySagaStore();
  const clock = new ManualClock();
  const metricsRegistry = new Registry();
  const orchestrator = new SagaOrchestrator<Data>({
    definition: definition ?? (createOrderSaga(options) as unknown as SagaDefinition<Data>),
    store,
    publisher,
    registry,
    tx: new InMemoryTransactionRunner(),
    clock: clock.now,
    metrics: new SagaMetrics(metricsRegistry),
  });
  const run = (respond: (command: Message) => IncomingMessage) => drive(() => publisher.messages, orchestrator.handleReply, respond);
  const payloadOf = (m: Message) => registry.deserialize<Record<string, unknown>>(m.name, m.payload);
  const metric = async (name: string) => (await metricsRegistry.getSingleMetric(name)!.get()).values;
  return { registry, publisher, store, clock, orchestrator, run, payloadOf, metric };
}

describe('SagaOrchestrator', () => {
  it('runs the happy path: the five actions in order, then completed with the shopping id recorded', async () => {
    const t = setup();
    await t.orchestrator.start('order-1', orderData('order-1'), { causationId: 'order-created-1' });
    await t.run((c) => successfulReply(t.registry, c, 'shopping-42'));

    expect(t.publisher.names()).toEqual(ACTIONS);
    const saga = await t.orchestrator.get('order-1');
    expect(saga).toMatchObject({ status: 'completed', done: true, compensating: false, step: 5, deadlineAt: null, lastError: null });
    expect(saga!.data.shoppingId).toBe('shopping-42');
    // Commands are built from the data as it stood after the earlier replies.
    expect(t.payloadOf(t.publisher.messages[3]!)).toEqual({ id: 'shopping-42' });
    expect(t.payloadOf(t.publisher.messages[2]!)).toEqual({ id: 'payment-of-order-1', amount: 1250 });
    expect(await t.metric('sec_saga_outcomes_total')).toEqual([expect.objectContaining({ labels: { saga: SAGA_NAME, outcome: 'completed' }, value: 1 })]);
  });

  it('sends each command with the headers the reply protocol copies back', async () => {
    const t = setup();
    await t.orchestrator.start('order-1', orderData('order-1'), { causationId: 'order-created-1' });
    const first = t.publisher.last();
    expect(first).toMatchObject({ name: Cmd.AuthorizeCustomer, subject: 'customers.commands', occurredAt: t.clock.now() });
    expect(first.headers).toEqual({
      [Header.CommandReplyChannel]: REPLY_CHANNEL,
      [Header.CommandSagaId]: 'order-1',
      [Header.CommandSagaName]: SAGA_NAME,
      [SagaHeader.CommandStep]: '1',
      [SagaHeader.CommandCompensating]: 'false',
      [SagaHeader.CommandAttempt]: '1',
      [Header.CorrelationId]: 'order-1',
      [Header.CausationId]: 'order-created-1',
    });
    const reply = replyTo(first);
    await t.orchestrator.handleReply(reply);
    expect(t.publisher.last().headers).toMatchObject({ [SagaHeader.CommandStep]: '2', [Header.CausationId]: reply.id, [Header.CorrelationId]: 'order-1' });
    expect(await t.orchestrator.get('order-1')).toMatchObject({ status: 'running', step: 2, attempts: 1, deadlineAt: new Date(t.clock.now().getTime() + 30_000) });
  });

  // Failure at step k: the earlier steps' compensations run in reverse order (the failed step's own does not).
  it.each([
    [1, Cmd.AuthorizeCustomer, [Cmd.RejectOrder]],
    [2, Cmd.CreateShoppingList, [Cmd.RejectOrder]],
    [3, Cmd.ConfirmPayment, [Cmd.CancelShoppingList, Cmd.RejectOrder]],
    [4, Cmd.InitiateShopping, [Cmd.CancelShoppingList, Cmd.RejectOrder]],
    [5, Cmd.ApproveOrder, [Cmd.CancelShoppingList, Cmd.RejectOrder]],
  ])('compensates a failure at step %i (%s) with exactly %j and ends compensated', async (k, failing, compensations) => {
    const t = setup();
    await t.orchestrator.start('order-1', orderData('order-1'));
    await t.run(failAt(t.registry, failing));

    expect(t.publisher.names()).toEqual([...ACTIONS.slice(0, k), ...compensations]);
    const compensationSteps = t.publisher.messages.slice(k).map((m) => [m.headers[SagaHeader.CommandStep], m.headers[SagaHeader.CommandCompensating]]);
    expect(compensationSteps).toEqual(compensations.map((c) => [c === Cmd.RejectOrder ? '0' : '2', 'true']));
    expect(await t.orchestrator.get('order-1')).toMatchObject({ status: 'compensated', done: true, compensating: true, step: 0, lastError: `${failing} refused` });
    expect(await t.metric('sec_saga_outcomes_total')).toEqual([expect.objectContaining({ labels: { saga: SAGA_NAME, outcome: 'compensated' }, value: 1 })]);
  });

  it('does not run the reply handler for a failure reply (#31)', async () => {
    const t = setup();
    await t.orchestrator.start('order-1', orderData('order-1'));
    await t.orchestrator.handleReply(replyTo(t.publisher.last()));
    const createList = t.publisher.last();
    // The reference recorded the id of a list that was never saved from exactly this reply.
    const payload = t.registry.serialize(CreatedShoppingListReply, { id: 'never-saved' });
    await t.orchestrator.handleReply(replyTo(createList, { outcome: 'FAILURE', name: CreatedShoppingListReply, payload }));

    const saga = await t.orchestrator.get('order-1');
    expect(saga!.data.shoppingId).toBeUndefined();
    expect(t.publisher.names().slice(2)).toEqual([Cmd.RejectOrder]);
  });

  it('rejects a registered reply whose payload does not decode as malformed (dead-lettered at once), changing nothing', async () => {
    const t = setup();
    await t.orchestrator.start('order-1', orderData('order-1'));
    await t.orchestrator.handleReply(replyTo(t.publisher.last()));
    const sent = t.publisher.messages.length;
    const garbage = new TextEncoder().encode('{not json');

    const reply = replyTo(t.publisher.last(), { name: CreatedShoppingListReply, payload: garbage });
    const error = await t.orchestrator.handleReply(reply).then(() => undefined, (err: unknown) => err);
    expect(isMalformedMessageError(error)).toBe(true);
    expect(t.publisher.messages).toHaveLength(sent);
    expect(await t.orchestrator.get('order-1')).toMatchObject({ step: 2, status: 'running' });
  });

  it('ignores a redelivered reply and a second reply for a step it already left', async () => {
    const t = setup();
    await t.orchestrator.start('order-1', orderData('order-1'));
    const authorize = t.publisher.last();
    const reply = replyTo(authorize);
    await t.orchestrator.handleReply(reply);
    await t.orchestrator.handleReply({ ...reply, deliveryAttempt: 2 });
    await t.orchestrator.handleReply(replyTo(authorize));
    await t.orchestrator.handleReply(replyTo(authorize, { outcome: 'FAILURE' }));

    expect(t.publisher.names()).toEqual([Cmd.AuthorizeCustomer, Cmd.CreateShoppingList]);
    expect(await t.orchestrator.get('order-1')).toMatchObject({ status: 'running', step: 2 });
  });

  it('ignores concurrent duplicates of one reply: exactly one next command', async () => {
    const t = setup();
    await t.orchestrator.start('order-1', orderData('order-1'));
    const reply = replyTo(t.publisher.last());
    await Promise.all([t.orchestrator.handleReply(reply), t.orchestrator.handleReply(reply)]);
    expect(t.publisher.names()).toEqual([Cmd.AuthorizeCustomer, Cmd.CreateShoppingList]);
  });

  it('ignores replies after the saga is done', async () => {
    const t = setup();
    await t.orchestrator.start('order-1', orderData('order-1'));
    await t.run(failAt(t.registry, Cmd.AuthorizeCustomer));
    const before = await t.orchestrator.get('order-1');
    for (const command of t.publisher.messages) await t.orchestrator.handleReply(replyTo(command, { outcome: 'FAILURE' }));
    expect(await t.orchestrator.get('order-1')).toEqual(before);
    expect(t.publisher.names()).toEqual([Cmd.AuthorizeCustomer, Cmd.RejectOrder]);
  });

  it.each([
    ['another saga name', { [Header.ReplySagaName]: 'other.Saga' }],
    ['an unknown saga id', { [Header.ReplySagaId]: 'no-such-order' }],
    ['no saga id', { [Header.ReplySagaId]: '' }],
    ['no step', { [SagaHeader.ReplyStep]: '' }],
    ['a step it is not on', { [SagaHeader.ReplyStep]: '2' }],
    ['step −1', { [SagaHeader.ReplyStep]: '-1' }],
    ['the other direction', { [SagaHeader.ReplyCompensating]: 'true' }],
    ['another attempt', { [SagaHeader.ReplyAttempt]: '2' }],
  ])('ignores a reply with %s', async (_case, override) => {
    const t = setup();
    await t.orchestrator.start('order-1', orderData('order-1'));
    const before = await t.orchestrator.get('order-1');
    const reply = replyTo(t.publisher.last(), { outcome: 'FAILURE' });
    await t.orchestrator.handleReply({ ...reply, headers: { ...reply.headers, ...override } });

    expect(await t.orchestrator.get('order-1')).toEqual(before);
    expect(t.publisher.names()).toEqual([Cmd.AuthorizeCustomer]);
  });

  it('parks a saga whose timeout cannot be processed as failed, and still times out the others', async () => {
    const t = setup({ stepTimeoutMs: 5_000 });
    // The broken saga is claimed first, so the failed batch changed nothing (the in-memory runner has no rollback).
    for (const id of ['broken', 'order-1', 'order-3']) await t.orchestrator.start(id, orderData(id));
    // Persisting the broken saga's timeout fails every time (e.g. a row the database refuses); parking it works.
    const update = t.store.update.bind(t.store);
    t.store.update = async (saga) => {
      if (saga.id === 'broken' && saga.status !== 'failed') throw new Error('row refused');
      return update(saga);
    };

    expect(await t.orchestrator.processTimeouts(t.clock.advance(5_000))).toBe(3);
    expect(await t.orchestrator.get('broken')).toMatchObject({ status: 'failed', done: true, deadlineAt: null, lastError: expect.stringMatching(/timeout could not be processed: row refused/) });
    for (const id of ['order-1', 'order-3']) expect(await t.orchestrator.get(id)).toMatchObject({ status: 'compensating', lastError: expect.stringMatching(/got no reply/) });
    // Later sweeps no longer claim the parked saga: only the other two (now waiting for compensations) time out.
    const parked = await t.orchestrator.get('broken');
    expect(await t.orchestrator.processTimeouts(t.clock.advance(60_000))).toBe(2);
    expect(await t.orchestrator.get('broken')).toEqual(parked);
  });

  it('fails a step whose reply does not arrive in time, compensates, and ignores the late reply', async () => {
    const t = setup({ stepTimeoutMs: 5_000 });
    await t.orchestrator.start('order-1', orderData('order-1'));
    await t.orchestrator.handleReply(replyTo(t.publisher.last()));
    await t.orchestrator.handleReply(successfulReply(t.registry, t.publisher.last()));
    const confirmPayment = t.publisher.last();

    expect(await t.orchestrator.processTimeouts(t.clock.advance(4_999))).toBe(0);
    expect(await t.orchestrator.processTimeouts(t.clock.advance(1))).toBe(1);
    expect(t.publisher.names().slice(3)).toEqual([Cmd.CancelShoppingList]);
    expect(await t.orchestrator.get('order-1')).toMatchObject({ status: 'compensating', step: 2, lastError: expect.stringMatching(/step 3 got no reply within 5000 ms/) });
    expect(await t.metric('sec_saga_step_timeouts_total')).toEqual([expect.objectContaining({ labels: { saga: SAGA_NAME }, value: 1 })]);

    await t.orchestrator.handleReply(replyTo(confirmPayment));
    expect(t.publisher.names().slice(3)).toEqual([Cmd.CancelShoppingList]);
    expect(await t.orchestrator.processTimeouts(t.clock.now())).toBe(0);

    await t.run((c) => replyTo(c));
    expect(t.publisher.names().slice(3)).toEqual([Cmd.CancelShoppingList, Cmd.RejectOrder]);
    expect(await t.orchestrator.get('order-1')).toMatchObject({ status: 'compensated', done: true });
  });

  it('retries a failing compensation a bounded number of times, then marks the saga failed (#30)', async () => {
    const t = setup({ maxCompensationAttempts: 3 });
    await t.orchestrator.start('order-1', orderData('order-1'));
    await t.run((c) =>
      c.name === Cmd.ConfirmPayment || c.name === Cmd.CancelShoppingList
        ? replyTo(c, { outcome: 'FAILURE', error: `${c.name} refused` })
        : successfulReply(t.registry, c),
    );

    const cancels = t.publisher.messages.filter((m) => m.name === Cmd.CancelShoppingList);
    expect(t.publisher.names().slice(3)).toEqual([Cmd.CancelShoppingList, Cmd.CancelShoppingList, Cmd.CancelShoppingList]);
    expect(cancels.map((m) => m.headers[SagaHeader.CommandAttempt])).toEqual(['1', '2', '3']);
    expect(cancels.map((m) => [m.headers[SagaHeader.CommandStep], m.headers[SagaHeader.CommandCompensating]])).toEqual(Array(3).fill(['2', 'true']));
    // A retry needs a fresh message id, or the participant's inbox would drop it as a duplicate.
    expect(new Set(cancels.map((m) => m.id)).size).toBe(3);

    const saga = await t.orchestrator.get('order-1');
    expect(saga).toMatchObject({ status: 'failed', done: true, compensating: true, step: 2, deadlineAt: null });
    expect(saga!.lastError).toMatch(/depotapi.CancelShoppingListCommand refused; compensation of step 2 gave up after 3 attempts/);
    expect((await t.orchestrator.list({ status: 'failed' })).map((s) => s.id)).toEqual(['order-1']);
    expect(await t.metric('sec_saga_outcomes_total')).toEqual([expect.objectContaining({ labels: { saga: SAGA_NAME, outcome: 'failed' }, value: 1 })]);
  });

  it('lets an operator resume the compensation of a failed saga', async () => {
    const t = setup({ maxCompensationAttempts: 1 });
    await t.orchestrator.start('order-1', orderData('order-1'));
    expect(await t.orchestrator.resumeCompensation('order-1')).toBe(false); // running, not failed
    await t.orchestrator.handleReply(replyTo(t.publisher.last(), { outcome: 'FAILURE' }));
    await t.orchestrator.handleReply(replyTo(t.publisher.last(), { outcome: 'FAILURE', error: 'ordering down' }));
    expect(await t.orchestrator.get('order-1')).toMatchObject({ status: 'failed' });

    const beforeResume = t.publisher.last();
    expect(await t.orchestrator.resumeCompensation('order-1', 'ticket OPS-1')).toBe(true);
    expect(t.publisher.names()).toEqual([Cmd.AuthorizeCustomer, Cmd.RejectOrder, Cmd.RejectOrder]);
    // A new attempt number (not 1 again), so replies to the sends before the resume can never match.
    expect(t.publisher.last().headers).toMatchObject({ [SagaHeader.CommandStep]: '0', [SagaHeader.CommandAttempt]: '2', [SagaHeader.CommandCompensating]: 'true' });
    expect(await t.orchestrator.get('order-1')).toMatchObject({ status: 'compensating', done: false, lastError: expect.stringMatching(/ordering down.*\(ticket OPS-1\)$/) });

    // A late reply to the pre-resume send (a participant working through its backlog) is ignored.
    await t.orchestrator.handleReply(replyTo(beforeResume));
    expect(await t.orchestrator.get('order-1')).toMatchObject({ status: 'compensating', done: false, attempts: 2 });

    await t.orchestrator.handleReply(replyTo(t.publisher.last()));
    expect(await t.orchestrator.get('order-1')).toMatchObject({ status: 'compensated', done: true });
    expect(await t.orchestrator.resumeCompensation('order-1')).toBe(false);
  });

  it('retries a compensation whose reply times out, then marks the saga failed', async () => {
    const t = setup({ stepTimeoutMs: 1_000, maxCompensationAttempts: 2 });
    await t.orchestrator.start('order-1', orderData('order-1'));
    await t.orchestrator.handleReply(replyTo(t.publisher.last(), { outcome: 'FAILURE' }));
    expect(t.publisher.names()).toEqual([Cmd.AuthorizeCustomer, Cmd.RejectOrder]);

    await t.orchestrator.processTimeouts(t.clock.advance(1_000));
    expect(t.publisher.names()).toEqual([Cmd.AuthorizeCustomer, Cmd.RejectOrder, Cmd.RejectOrder]);
    expect(await t.orchestrator.get('order-1')).toMatchObject({ status: 'compensating', attempts: 2 });

    await t.orchestrator.processTimeouts(t.clock.advance(1_000));
    expect(t.publisher.messages).toHaveLength(3);
    expect(await t.orchestrator.get('order-1')).toMatchObject({ status: 'failed', done: true, lastError: expect.stringMatching(/gave up after 2 attempts/) });
  });

  it('rejects start, writing and sending nothing, when the first action throws (#29)', async () => {
    const definition = defineSaga<{ customerId?: string }>('test.Throwing', 'replies')
      .step((s) =>
        s.action((d) => {
          if (!d.customerId) throw new Error('customer id required');
          return { subject: 'customers.commands', name: Cmd.AuthorizeCustomer, payload: { id: d.customerId } };
        }),
      )
      .build();
    const t = setup({}, definition);
    await expect(t.orchestrator.start('s-1', {})).rejects.toThrow('customer id required');
    expect(await t.orchestrator.get('s-1')).toBeUndefined();
    expect(t.publisher.messages).toHaveLength(0);
  });

  it('treats a repeated start of the same saga id as a no-op', async () => {
    const t = setup();
    const first = await t.orchestrator.start('order-1', orderData('order-1'));
    const again = await t.orchestrator.start('order-1', { ...orderData('order-1'), total: 1 });
    expect(t.publisher.names()).toEqual([Cmd.AuthorizeCustomer]);
    expect(again).toEqual({ ...first, data: orderData('order-1') });
  });

  it('fails a step whose action cannot be built from a reply and compensates the earlier steps', async () => {
    const definition = defineSaga<{ approved?: boolean }>('test.ThrowingLater', 'replies')
      .step((s) => s.compensate(() => ({ subject: 'x', name: Cmd.RejectOrder, payload: {} })))
      .step((s) => s.action(() => ({ subject: 'x', name: Cmd.AuthorizeCustomer, payload: {} })))
      .step((s) =>
        s.action((d) => {
          if (!d.approved) throw new Error('not approved');
          return { subject: 'x', name: Cmd.ApproveOrder, payload: {} };
        }),
      )
      .build();
    const t = setup({}, definition);
    await t.orchestrator.start('s-1', {});
    await t.run((c) => replyTo(c));

    expect(t.publisher.names()).toEqual([Cmd.AuthorizeCustomer, Cmd.RejectOrder]);
    expect(await t.orchestrator.get('s-1')).toMatchObject({ status: 'compensated', step: 0, lastError: 'action of step 2 could not be built: not approved' });
  });

  it('marks the saga failed when a compensation cannot be built', async () => {
    const t = setup();
    await t.orchestrator.start('order-1', orderData('order-1'));
    await t.orchestrator.handleReply(replyTo(t.publisher.last()));
    await t.orchestrator.handleReply(replyTo(t.publisher.last())); // no shopping id recorded
    await t.orchestrator.handleReply(replyTo(t.publisher.last(), { outcome: 'FAILURE' }));

    expect(t.publisher.names()).toEqual([Cmd.AuthorizeCustomer, Cmd.CreateShoppingList, Cmd.ConfirmPayment]);
    expect(await t.orchestrator.get('order-1')).toMatchObject({
      status: 'failed',
      step: 2,
      lastError: 'compensation of step 2 could not be built: no shopping list id in the saga data',
    });
  });

  it('ends a saga at once when no step is invocable, in either direction', async () => {
    const definition = defineSaga<object>('test.CompensationOnly', 'replies')
      .step((s) => s.compensate(() => ({ subject: 'x', name: Cmd.RejectOrder, payload: {} })))
      .build();
    const t = setup({}, definition);
    expect(await t.orchestrator.start('s-1', {})).toMatchObject({ status: 'completed', done: true, step: -1 });
    expect(t.publisher.messages).toHaveLength(0);
  });

  it('ends compensated when the failed step has no earlier compensation', async () => {
    const definition = defineSaga<object>('test.NoCompensation', 'replies')
      .step((s) => s.action(() => ({ subject: 'x', name: Cmd.AuthorizeCustomer, payload: {} })))
      .step((s) => s.action(() => ({ subject: 'x', name: Cmd.ApproveOrder, payload: {} })))
      .build();
    const t = setup({}, definition);
    await t.orchestrator.start('s-1', {});
    await t.run(failAt(t.registry, Cmd.ApproveOrder));
    expect(t.publisher.names()).toEqual([Cmd.AuthorizeCustomer, Cmd.ApproveOrder]);
    expect(await t.orchestrator.get('s-1')).toMatchObject({ status: 'compensated', done: true, compensating: true, step: 1 });
  });

  it('lists sagas by status for operators', async () => {
    const t = setup();
    await t.orchestrator.start('order-1', orderData('order-1'));
    await t.orchestrator.start('order-2', orderData('order-2'));
    await t.orchestrator.handleReply(replyTo(t.publisher.messages[1]!, { outcome: 'FAILURE' }));

    expect((await t.orchestrator.list({ status: 'running' })).map((s) => s.id)).toEqual(['order-1']);
    expect((await t.orchestrator.list({ status: 'compensating' })).map((s) => s.id)).toEqual(['order-2']);
    expect(await t.orchestrator.list({ limit: 1 })).toHaveLength(1);
  });
});
