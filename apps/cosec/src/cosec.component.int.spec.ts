import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { eventMessage, JetStreamPublisher } from '@mallbots/am';
import { bootServiceForTest, http, type ServiceUnderTest } from '@mallbots/platform/testing';
import { eventually } from '@mallbots/testing';
import { CosecChannel, CosecMessage as M, cosecRegistry } from './adapters/messaging/cosec.messages.js';
import { loadCosecConfig } from './cosec.config.js';
import { CosecModule } from './cosec.module.js';
import { type Answer, FakeParticipants, shoppingIdFor } from './fake-participants.fixture.js';
import { ACTIONS, FAILURE_CASES } from './adapters/messaging/create-order.saga.fixture.js';

const migrationsDir = fileURLToPath(new URL('../migrations', import.meta.url));
/** Short enough for the timeout test, long enough for a participant to answer on a busy machine. */
const STEP_TIMEOUT_MS = 4_000;
const SETTLE = { timeoutMs: 30_000, intervalMs: 50 };

interface SagaBody {
  id: string;
  status: string;
  step: number;
  compensating: boolean;
  done: boolean;
  awaiting: string | null;
  lastError: string | null;
  updatedAt: string;
  data: { shoppingId?: string; total: number };
  history: { step: number; status: string; compensating: boolean; command: string | null }[];
}

describe('cosec (the create-order saga on real PostgreSQL and NATS, participants played over JetStream)', () => {
  let svc: ServiceUnderTest;
  let participants: FakeParticipants;
  const registry = cosecRegistry();

  const rows = async <R = Record<string, unknown>>(sql: string, params: unknown[] = []) => (await svc.db.pool.query(sql, params)).rows as R[];
  const publish = (...messages: Parameters<JetStreamPublisher['publish']>[0]) => new JetStreamPublisher(svc.jetstream).publish(messages);
  const orderCreated = (orderId: string, items = [{ productId: 'p-1', storeId: 's-1', price: 4.5, quantity: 2 }]) =>
    eventMessage(registry, CosecChannel.OrderEvents, {
      id: randomUUID(),
      name: M.OrderCreated,
      payload: { id: orderId, customerId: `customer-of-${orderId}`, paymentId: `payment-of-${orderId}`, shoppingId: '', items },
      occurredAt: new Date(),
    });
  /** Starts a saga whose participants answer as scripted. */
  const startSaga = async (answers: Partial<Record<string, Answer>> = {}, options: { duplicateReplies?: boolean } = {}) => {
    const orderId = randomUUID();
    participants.script(orderId, answers, options);
    await publish(orderCreated(orderId));
    return orderId;
  };
  const sagaOf = (orderId: string) => http('GET', `${svc.httpUrl}/api/cosec/sagas/${orderId}`);
  const settled = async (orderId: string, status: string) =>
    (await eventually(async () => {
      const saga = (await sagaOf(orderId)).body as { saga?: SagaBody };
      return saga.saga?.status === status ? saga.saga : undefined;
    }, SETTLE))!;
  /** The commands cosec sent for the saga, from its outbox, in write order. */
  const sent = async (orderId: string) =>
    (await rows<{ name: string; payload: Buffer }>(`SELECT name, payload FROM outbox WHERE headers->>'COMMAND_SAGA_ID' = $1 ORDER BY seq`, [orderId])).map((r) => ({
      name: r.name,
      payload: registry.deserialize(r.name, new Uint8Array(r.payload)),
    }));
  const sentNames = async (orderId: string) => (await sent(orderId)).map((c) => c.name);
  /** Resolves once cosec's consumer has committed the message (its inbox row). */
  const handled = (consumer: string, ...ids: string[]) =>
    eventually(async () => (await rows<{ n: number }>('SELECT count(*)::int AS n FROM inbox WHERE consumer = $1 AND message_id = ANY($2)', [consumer, ids]))[0]!.n === ids.length, SETTLE);

  beforeAll(async () => {
    svc = await bootServiceForTest({
      service: 'cosec',
      module: (config) => CosecModule.forRoot(config, migrationsDir, loadCosecConfig({ SAGA_STEP_TIMEOUT: `${STEP_TIMEOUT_MS}ms`, SAGA_TIMEOUT_SWEEP_INTERVAL: '100ms' })),
      openApi: { path: 'cosec-spec', title: 'cosec' },
    });
    participants = await FakeParticipants.start(svc.jetstream);
  }, 90_000);

  afterAll(async () => {
    await participants?.stop();
    await svc?.close();
  });

  it('runs every step and ends with ApproveOrder carrying the shopping id; a second OrderCreated starts nothing', async () => {
    const orderId = randomUUID();
    const first = orderCreated(orderId);
    const republished = { ...orderCreated(orderId), id: randomUUID() };
    await publish(first, republished);

    const saga = await settled(orderId, 'completed');
    await handled('cosec-ordering', first.id, republished.id);
    const shoppingId = shoppingIdFor(orderId);
    expect(await sent(orderId)).toEqual([
      { name: M.AuthorizeCustomer, payload: { id: `customer-of-${orderId}` } },
      { name: M.CreateShoppingList, payload: { orderId, items: [{ productId: 'p-1', storeId: 's-1', quantity: 2 }] } },
      { name: M.ConfirmPayment, payload: { id: `payment-of-${orderId}`, amount: 9, customerId: `customer-of-${orderId}` } },
      { name: M.InitiateShopping, payload: { id: shoppingId } },
      { name: M.ApproveOrder, payload: { id: orderId, shoppingId } },
    ]);
    // The participants received exactly these, over JetStream, addressed to the saga.
    expect(participants.commands(orderId).map((c) => c.name)).toEqual(ACTIONS);
    expect(saga).toMatchObject({ id: orderId, step: 5, compensating: false, done: true, awaiting: null, lastError: null, data: { shoppingId, total: 9 } });
    expect(saga.history.map((h) => [h.step, h.status, h.command])).toEqual([
      [1, 'running', M.AuthorizeCustomer],
      [2, 'running', M.CreateShoppingList],
      [3, 'running', M.ConfirmPayment],
      [4, 'running', M.InitiateShopping],
      [5, 'running', M.ApproveOrder],
      [5, 'completed', null],
    ]);
  });

  // A failure at step k compensates exactly the steps below k, then rejects the order (J03, J09).
  it.each(FAILURE_CASES)('compensates a refused %s with %p', async (failing, compensations) => {
    const orderId = await startSaga({ [failing]: 'refuse' });

    const saga = await settled(orderId, 'compensated');
    const forward = ACTIONS.slice(0, ACTIONS.indexOf(failing) + 1);
    expect(await sentNames(orderId)).toEqual([...forward, ...compensations]);
    expect((await sent(orderId)).slice(forward.length)).toEqual(
      compensations.map((name) => ({ name, payload: { id: name === M.RejectOrder ? orderId : shoppingIdFor(orderId) } })),
    );
    expect(saga).toMatchObject({ step: 0, compensating: true, done: true, lastError: `${failing} refused` });
  });

  it('compensates a step that gets no reply in time, and ignores the reply that comes too late', async () => {
    const orderId = await startSaga({ [M.ConfirmPayment]: 'silent' });

    const saga = await settled(orderId, 'compensated');
    expect(await sentNames(orderId)).toEqual([M.AuthorizeCustomer, M.CreateShoppingList, M.ConfirmPayment, M.CancelShoppingList, M.RejectOrder]);
    expect(saga.lastError).toBe(`action of step 3 got no reply within ${STEP_TIMEOUT_MS} ms (attempt 1)`);
    expect(saga.history.find((h) => h.compensating)).toMatchObject({ step: 2, status: 'compensating', command: M.CancelShoppingList });

    const confirm = participants.commands(orderId).find((c) => c.name === M.ConfirmPayment)!;
    await handled('cosec-replies', await participants.answerLate(confirm));
    expect((await sagaOf(orderId)).body).toMatchObject({ saga: { status: 'compensated', updatedAt: saga.updatedAt } });
    expect(await sentNames(orderId)).toHaveLength(5);
  });

  it('ignores duplicate replies, redelivered or sent twice, also after the saga ended', async () => {
    const orderId = await startSaga({}, { duplicateReplies: true });

    await settled(orderId, 'completed');
    expect(participants.duplicateIds).toHaveLength(ACTIONS.length);
    await handled('cosec-replies', ...participants.duplicateIds);
    expect(await sentNames(orderId)).toEqual(ACTIONS);
    // Ignored, not failed: no duplicate was retried or dead-lettered.
    const failures = await rows(`SELECT message_id FROM message_failures WHERE consumer = 'cosec-replies' AND message_id = ANY($1)
      UNION ALL SELECT message_id FROM dead_letters WHERE consumer = 'cosec-replies' AND message_id = ANY($1)`, [participants.duplicateIds]);
    expect(failures).toEqual([]);
  });

  it('retries a refused compensation, then parks the saga as failed for an operator without rejecting the order', async () => {
    const orderId = await startSaga({ [M.ConfirmPayment]: 'refuse', [M.CancelShoppingList]: 'refuse' });

    const saga = await settled(orderId, 'failed');
    expect(await sentNames(orderId)).toEqual([M.AuthorizeCustomer, M.CreateShoppingList, M.ConfirmPayment, M.CancelShoppingList, M.CancelShoppingList, M.CancelShoppingList]);
    expect(saga).toMatchObject({ step: 2, done: true, lastError: expect.stringContaining('gave up after 3 attempts') });
    const failed = (await http('GET', `${svc.httpUrl}/api/cosec/sagas?status=failed`)).body as { sagas: { id: string; status: string }[] };
    expect(failed.sagas.map((s) => s.id)).toContain(orderId);
    expect(failed.sagas.every((s) => s.status === 'failed')).toBe(true);
  });

  it('dead-letters malformed messages at once and keeps consuming', async () => {
    const badOrder = randomUUID();
    const noItems = orderCreated(badOrder, []);
    await svc.jetstream.js.publish(CosecChannel.OrderEvents, new Uint8Array([0xff, 0x01]), { msgID: 'garbage-order-event' });
    await svc.jetstream.js.publish(CosecChannel.Replies, new Uint8Array([0xff, 0x02]), { msgID: 'garbage-reply' });
    await publish(noItems);
    const orderId = await startSaga();

    await settled(orderId, 'completed');
    const deadLetters = (await eventually(async () => {
      const found = await rows<{ consumer: string; message_id: string; errors: unknown }>('SELECT consumer, message_id, errors FROM dead_letters');
      return found.length === 3 ? found : undefined;
    }, SETTLE))!;
    expect(deadLetters).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ consumer: 'cosec-ordering', message_id: 'garbage-order-event' }),
        expect.objectContaining({ consumer: 'cosec-replies', message_id: 'garbage-reply' }),
        expect.objectContaining({ consumer: 'cosec-ordering', message_id: noItems.id }),
      ]),
    );
    expect(JSON.stringify(deadLetters.find((d) => d.message_id === noItems.id)!.errors)).toContain(`order ${badOrder} has no items`);
    expect((await sagaOf(badOrder)).status).toBe(404);
  });

  describe('operator endpoint', () => {
    it('answers an unknown order id with 404 and the platform’s error body', async () => {
      const unknown = randomUUID();
      expect(await sagaOf(unknown)).toMatchObject({ status: 404, body: { code: 5, message: `no create-order saga for order ${unknown}` } });
    });

    it('lists sagas by status and refuses a bad filter with 400', async () => {
      const orderId = await startSaga();
      await settled(orderId, 'completed');
      const completed = (await http('GET', `${svc.httpUrl}/api/cosec/sagas?status=completed&limit=500`)).body as { sagas: { id: string; status: string }[] };
      expect(completed.sagas.find((s) => s.id === orderId)).toMatchObject({ status: 'completed', step: 5 });
      expect(completed.sagas.every((s) => s.status === 'completed')).toBe(true);
      expect((await http('GET', `${svc.httpUrl}/api/cosec/sagas?status=lost`)).status).toBe(400);
      expect((await http('GET', `${svc.httpUrl}/api/cosec/sagas?limit=0`)).status).toBe(400);
    });

    it('serves liveness, readiness, metrics with the saga outcomes, and the OpenAPI document', async () => {
      expect(await http('GET', `${svc.httpUrl}/liveness`)).toMatchObject({ status: 200 });
      expect(await http('GET', `${svc.httpUrl}/readiness`)).toMatchObject({ status: 200, body: { status: 'ok' } });
      const metrics = (await http('GET', `${svc.httpUrl}/metrics`)).body as string;
      expect(metrics).toMatch(/sec_saga_outcomes_total\{saga="cosec.CreateOrder",outcome="completed"\} [1-9]/);
      const spec = (await http('GET', `${svc.httpUrl}/cosec-spec/api.swagger.json`)).body as { paths: object };
      expect(Object.keys(spec.paths)).toEqual(expect.arrayContaining(['/api/cosec/sagas', '/api/cosec/sagas/{orderId}']));
    });
  });
});
