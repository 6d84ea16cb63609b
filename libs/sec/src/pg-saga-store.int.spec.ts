import { PgTestTransactionRunner } from '@mallbots/tm/test-transaction-runners';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import type { IncomingMessage, Message, MessagePublisher } from '@mallbots/am';
import { createTestDatabase, type TestDatabase } from '@mallbots/testing';
import type { TransactionRunner } from '@mallbots/tm/sql';
import { Registry } from 'prom-client';
import { ACTIONS, Cmd, createOrderRegistry, createOrderSaga, drive, failAt, orderData, successfulReply, type CreateOrderData } from './create-order.fixture.js';
import { SagaHeader } from './saga-headers.js';
import { SagaMetrics } from './saga-metrics.js';
import { SagaOrchestrator } from './orchestrator.js';
import { PgSagaStore } from './pg-saga-store.js';
import { secSchemaSql } from './sec-schema.js';
import { ManualClock, replyTo } from './testing.js';

/** Writes commands to a table in the caller's transaction, as libs/tm's outbox writer does. */
class TablePublisher implements MessagePublisher {
  constructor(private readonly tx: TransactionRunner) {}

  async publish(messages: readonly Message[]): Promise<void> {
    for (const m of messages) {
      await this.tx.executor().query('INSERT INTO sent_commands (id, name, saga_id, headers) VALUES ($1, $2, $3, $4::jsonb)', [
        m.id,
        m.name,
        m.headers['COMMAND_SAGA_ID'],
        JSON.stringify(m.headers),
      ]);
    }
  }
}

let db: TestDatabase;
let tx: PgTestTransactionRunner;
let otherTx: PgTestTransactionRunner;

beforeAll(async () => {
  db = await createTestDatabase('sec');
  await db.pool.query(secSchemaSql);
  await db.pool.query(`CREATE TABLE sent_commands (seq bigserial PRIMARY KEY, id text UNIQUE NOT NULL, name text NOT NULL, saga_id text NOT NULL, headers jsonb NOT NULL)`);
  tx = new PgTestTransactionRunner(db.pool);
  otherTx = new PgTestTransactionRunner(db.pool);
});

afterAll(async () => {
  await db.drop();
});

beforeEach(async () => {
  await db.pool.query('TRUNCATE sagas, sent_commands');
});

function setup() {
  const registry = createOrderRegistry();
  const clock = new ManualClock();
  const orchestrator = new SagaOrchestrator<CreateOrderData>({
    definition: createOrderSaga({ stepTimeoutMs: 10_000 }),
    store: new PgSagaStore(tx),
    publisher: new TablePublisher(tx),
    registry,
    tx,
    clock: clock.now,
    metrics: new SagaMetrics(new Registry()),
  });
  return { registry, clock, orchestrator };
}

/**
 * An orchestrator whose first two store reads (loadForUpdate or claimExpired) wait for each other, so two
 * concurrent transactions are both open before either reads: only the database's locks can then serialise them.
 */
function racingOrchestrator(t: ReturnType<typeof setup>) {
  let arrived = 0;
  let release!: () => void;
  const bothArrived = new Promise<void>((resolve) => (release = resolve));
  const barrier = async () => {
    if (++arrived === 2) release();
    if (arrived <= 2) await bothArrived;
  };
  class RacingStore extends PgSagaStore {
    override async loadForUpdate(name: string, id: string) {
      await barrier();
      return super.loadForUpdate(name, id);
    }
    override async claimExpired(name: string, now: Date, limit: number) {
      await barrier();
      return super.claimExpired(name, now, limit);
    }
  }
  return new SagaOrchestrator<CreateOrderData>({
    definition: createOrderSaga({ stepTimeoutMs: 10_000 }),
    store: new RacingStore(tx),
    publisher: new TablePublisher(tx),
    registry: t.registry,
    tx,
    clock: t.clock.now,
    metrics: new SagaMetrics(new Registry()),
  });
}

/** The commands in the table, as messages a participant can reply to. */
async function sent(sagaId?: string): Promise<Message[]> {
  const { rows } = await db.pool.query<{ id: string; name: string; headers: Record<string, string> }>(
    'SELECT id, name, headers FROM sent_commands WHERE $1::text IS NULL OR saga_id = $1 ORDER BY seq',
    [sagaId ?? null],
  );
  return rows.map((r) => ({ id: r.id, name: r.name, subject: '', payload: new Uint8Array(), headers: r.headers, occurredAt: new Date() }));
}

async function drivePg(o: SagaOrchestrator<CreateOrderData>, respond: (command: Message) => IncomingMessage): Promise<void> {
  let messages: Message[] = await sent();
  await drive(
    () => messages,
    async (reply) => {
      await o.handleReply(reply);
      messages = await sent();
    },
    respond,
  );
}

describe('SagaOrchestrator on PostgreSQL', () => {
  it('runs the happy path and persists the saga as jsonb', async () => {
    const t = setup();
    await t.orchestrator.start('order-1', orderData('order-1'));
    await drivePg(t.orchestrator, (c) => successfulReply(t.registry, c, 'shopping-7'));

    expect((await sent()).map((m) => m.name)).toEqual(ACTIONS);
    expect(await t.orchestrator.get('order-1')).toMatchObject({
      status: 'completed',
      done: true,
      step: 5,
      data: { ...orderData('order-1'), shoppingId: 'shopping-7' },
      deadlineAt: null,
    });
    const { rows } = await db.pool.query(`SELECT data->>'shoppingId' AS shopping FROM sagas WHERE id = 'order-1'`);
    expect(rows).toEqual([{ shopping: 'shopping-7' }]);
  });

  it('compensates a failure at ConfirmPayment: CancelShoppingList, then RejectOrder', async () => {
    const t = setup();
    await t.orchestrator.start('order-1', orderData('order-1'));
    await drivePg(t.orchestrator, failAt(t.registry, Cmd.ConfirmPayment));

    expect((await sent()).map((m) => m.name)).toEqual([...ACTIONS.slice(0, 3), Cmd.CancelShoppingList, Cmd.RejectOrder]);
    expect(await t.orchestrator.get('order-1')).toMatchObject({ status: 'compensated', done: true, compensating: true, step: 0 });
    expect((await t.orchestrator.list({ status: 'compensated' })).map((s) => s.id)).toEqual(['order-1']);
  });

  it('starts a saga id once, even from concurrent redelivered triggers', async () => {
    const t = setup();
    await Promise.all([t.orchestrator.start('order-1', orderData('order-1')), t.orchestrator.start('order-1', orderData('order-1'))]);
    expect((await sent()).map((m) => m.name)).toEqual([Cmd.AuthorizeCustomer]);
  });

  it('serialises concurrent duplicates of one reply on the row lock: exactly one next command', async () => {
    const t = setup();
    await t.orchestrator.start('order-1', orderData('order-1'));
    // Both transactions are open before either reads the saga, so without the row lock both would see step 1.
    const racing = racingOrchestrator(t);
    const reply = replyTo((await sent())[0]!);
    await Promise.all([racing.handleReply(reply), racing.handleReply({ ...reply, deliveryAttempt: 2 })]);

    expect((await sent()).map((m) => m.name)).toEqual([Cmd.AuthorizeCustomer, Cmd.CreateShoppingList]);
    expect(await t.orchestrator.get('order-1')).toMatchObject({ step: 2, status: 'running' });
  });

  it('rolls the saga row and the outgoing command back with the caller’s transaction', async () => {
    const t = setup();
    await expect(
      tx.run(async () => {
        await t.orchestrator.start('order-1', orderData('order-1'));
        throw new Error('inbox write failed');
      }),
    ).rejects.toThrow('inbox write failed');
    expect(await t.orchestrator.get('order-1')).toBeUndefined();
    expect(await sent()).toEqual([]);

    await t.orchestrator.start('order-1', orderData('order-1'));
    const before = await t.orchestrator.get('order-1');
    await expect(
      tx.run(async () => {
        await t.orchestrator.handleReply(replyTo((await sent())[0]!));
        throw new Error('inbox write failed');
      }),
    ).rejects.toThrow('inbox write failed');
    expect(await t.orchestrator.get('order-1')).toEqual(before);
    expect((await sent()).map((m) => m.name)).toEqual([Cmd.AuthorizeCustomer]);
  });

  it('handles each expired saga once across two concurrent sweepers, and ignores the late replies', async () => {
    const t = setup();
    const ids = Array.from({ length: 12 }, (_, i) => `order-${i}`);
    for (const id of ids) await t.orchestrator.start(id, orderData(id));
    const authorizeCommands = await sent();
    const now = t.clock.advance(10_000);
    const racing = racingOrchestrator(t);

    const [a, b] = await Promise.all([racing.processTimeouts(now, 5), racing.processTimeouts(now, 5)]);
    expect(a + b).toBe(10);
    const [c, d] = await Promise.all([t.orchestrator.processTimeouts(now, 5), t.orchestrator.processTimeouts(now, 5)]);
    expect(a + b + c + d).toBe(12);
    expect(await t.orchestrator.processTimeouts(now, 5)).toBe(0);

    const rejects = (await sent()).filter((m) => m.name === Cmd.RejectOrder);
    expect(rejects.map((m) => m.headers['COMMAND_SAGA_ID']).sort()).toEqual([...ids].sort());
    expect(new Set(rejects.map((m) => m.headers[SagaHeader.CommandStep]))).toEqual(new Set(['0']));
    expect(await t.orchestrator.list({ status: 'compensating' })).toHaveLength(12);

    for (const command of authorizeCommands) await t.orchestrator.handleReply(replyTo(command));
    expect(await sent()).toHaveLength(24);
  });

  it('lets a sweeper skip a saga whose reply is being handled, and the reply win', async () => {
    const t = setup();
    await t.orchestrator.start('order-1', orderData('order-1'));
    const authorize = (await sent())[0]!;
    const now = t.clock.advance(10_000);
    // Another instance: its own runner, so its sweep runs in its own transaction, not the reply's.
    const otherInstance = new SagaOrchestrator<CreateOrderData>({
      definition: createOrderSaga({ stepTimeoutMs: 10_000 }),
      store: new PgSagaStore(otherTx),
      publisher: new TablePublisher(otherTx),
      registry: t.registry,
      tx: otherTx,
      clock: t.clock.now,
      metrics: new SagaMetrics(new Registry()),
    });
    // The reply holds the row lock (uncommitted) while the other instance sweeps: SKIP LOCKED passes over the saga
    // instead of waiting for it.
    const swept = await tx.run(async () => {
      await t.orchestrator.handleReply(replyTo(authorize));
      return otherInstance.processTimeouts(now);
    });
    expect(swept).toBe(0);
    expect((await sent()).map((m) => m.name)).toEqual([Cmd.AuthorizeCustomer, Cmd.CreateShoppingList]);
    expect(await t.orchestrator.get('order-1')).toMatchObject({ status: 'running', step: 2 });
  });
});
