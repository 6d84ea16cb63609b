// Two "services" for saga-over-jetstream.int.spec.ts, wired the way a real service wires libs/am, libs/tm and
// libs/sec: each has its own database (tm tables + its own state), its own NATS connection, an outbox written in
// the handler's transaction, an outbox relay publishing through JetStream, and JetStream consumers behind the
// inbox middleware. Only the probes (counting middleware, the Confirm gate) are test instruments.
import {
  commandHandler,
  connectJetStream,
  JetStreamPublisher,
  JetStreamSubscriber,
  MessageRegistry,
  withMiddleware,
  type HandlerMiddleware,
  type JetStreamConnection,
  type Message,
  type MessageHandler,
  type Subscription,
  type SubscriptionOptions,
} from '@mallbots/am';
import { createReply, FailedPreconditionError, newId } from '@mallbots/ddd';
import { createTestDatabase, natsUrl, type TestDatabase } from '@mallbots/testing';
import { consoleLogger, inboxMiddleware, OutboxRelay, OutboxWriter, PgDeadLetterStore, type TmLogger } from '@mallbots/tm';
import { bootTransactionalTestApp, type TransactionalTestApp } from '@mallbots/tm/testing';
import { Registry } from 'prom-client';
import { SagaOrchestrator } from './orchestrator.js';
import { PgSagaStore } from './pg-saga-store.js';
import { defineSaga } from './saga-builder.js';
import type { SagaDefinition } from './saga-definition.js';
import { SagaMetrics } from './saga-metrics.js';
import { secSchemaSql } from './sec-schema.js';
import { jsonCodec } from './testing.js';

export const Cmd = {
  Reject: 'ordersapi.RejectOrder',
  Reserve: 'depotapi.ReserveStock',
  Release: 'depotapi.ReleaseStock',
  Confirm: 'depotapi.ConfirmReservation',
} as const;
export const ReservedReply = 'depotapi.StockReserved';
export const SAGA_NAME = 'test.ReserveOrder';

export interface ReservationData {
  orderId: string;
  /** Makes the participant refuse Confirm (a business refusal, so a FAILURE reply). */
  failConfirm: boolean;
  /** Set from the Reserve reply's payload: proves a specific reply's payload crossed the wire and was folded in. */
  reservationId?: string;
}

interface OrderRef {
  orderId: string;
}
interface ReservationRef extends OrderRef {
  reservationId: string;
}
interface ConfirmPayload extends ReservationRef {
  fail: boolean;
}
interface Reserved {
  reservationId: string;
}

type ParticipantCommands = {
  [Cmd.Reject]: OrderRef;
  [Cmd.Reserve]: OrderRef;
  [Cmd.Release]: ReservationRef;
  [Cmd.Confirm]: ConfirmPayload;
};

/** Each service builds its own registry, as separate deployments would; JSON codecs stand in for protobuf. */
export function reservationRegistry(): MessageRegistry {
  const registry = new MessageRegistry();
  for (const name of [...Object.values(Cmd), ReservedReply]) registry.register(name, jsonCodec<unknown>());
  return registry;
}

export interface Subjects {
  commands: string;
  replies: string;
}

export function subjectsFor(ns: string): Subjects {
  return { commands: `${ns}.depot.commands`, replies: `${ns}.cosec.replies.ReserveOrder` };
}

/** Step 0: compensation only (Reject); step 1: Reserve / Release; step 2: Confirm (action only). */
export function reservationSaga(subjects: Subjects): SagaDefinition<ReservationData> {
  const to = subjects.commands;
  return defineSaga<ReservationData>(SAGA_NAME, subjects.replies)
    .step((s) => s.compensate((d) => ({ subject: to, name: Cmd.Reject, payload: { orderId: d.orderId } })))
    .step((s) =>
      s
        .action((d) => ({ subject: to, name: Cmd.Reserve, payload: { orderId: d.orderId } }))
        .onActionReply<Reserved>(ReservedReply, (d, reply) => ({ ...d, reservationId: reply.reservationId }))
        .compensate((d) => ({ subject: to, name: Cmd.Release, payload: { orderId: d.orderId, reservationId: requireReservation(d) } })),
    )
    .step((s) =>
      s.action((d) => ({ subject: to, name: Cmd.Confirm, payload: { orderId: d.orderId, reservationId: requireReservation(d), fail: d.failConfirm } })),
    )
    .build();
}

function requireReservation(d: ReservationData): string {
  if (!d.reservationId) throw new Error(`saga ${d.orderId} has no reservation id`);
  return d.reservationId;
}

/** Info lines ("relay active") are noise here; warnings and errors stay visible, they explain a failing test. */
const quietLogger: TmLogger = { info: () => undefined, warn: consoleLogger.warn, error: consoleLogger.error };

/** One service process: database + tm machinery + its own NATS connection and consumers. */
export class ServiceNode {
  private readonly subscriptions: Subscription[] = [];
  private readonly subscriber: JetStreamSubscriber;

  private constructor(
    readonly db: TestDatabase,
    readonly app: TransactionalTestApp,
    readonly connection: JetStreamConnection,
    readonly outbox: OutboxWriter,
    readonly deadLetters: PgDeadLetterStore,
    private readonly relay: OutboxRelay,
    stream: string,
  ) {
    this.subscriber = new JetStreamSubscriber({ connection, stream, deadLetters });
  }

  /** `schemaSql`: the service's own tables, run after tm's (bootTransactionalTestApp creates those). */
  static async boot(role: string, stream: string, schemaSql: string): Promise<ServiceNode> {
    const cleanup: (() => Promise<void>)[] = [];
    try {
      const db = await createTestDatabase(`sec_${role}`);
      cleanup.push(() => db.drop());
      const app = await bootTransactionalTestApp(db.url);
      cleanup.push(() => app.close());
      await app.dataSource.query(schemaSql);
      const connection = await connectJetStream({ servers: natsUrl(), name: `${stream}-${role}` });
      cleanup.push(() => connection.close());
      // NOTIFY channels and advisory locks are per database, so each service can use a fixed channel name.
      const channel = `${role}_outbox`;
      const relay = new OutboxRelay({
        pool: db.pool,
        publisher: new JetStreamPublisher(connection, { stream }),
        channel,
        service: role,
        logger: quietLogger,
        registry: new Registry(),
      });
      relay.start();
      return new ServiceNode(db, app, connection, new OutboxWriter(app.runner, { channel }), new PgDeadLetterStore(db.pool), relay, stream);
    } catch (err) {
      for (const close of cleanup.reverse()) await close().catch(() => undefined);
      throw err;
    }
  }

  get runner() {
    return this.app.runner;
  }

  /** Consumes behind the inbox middleware, outermost of the transactional middleware (libs/tm README). */
  async consume(options: SubscriptionOptions, handler: MessageHandler, probes: { settled?: Probe; reached?: Probe } = {}): Promise<void> {
    const chain: HandlerMiddleware[] = [];
    if (probes.settled) chain.push(probes.settled.middleware);
    chain.push(inboxMiddleware(this.runner));
    if (probes.reached) chain.push(probes.reached.middleware);
    this.subscriptions.push(await this.subscriber.subscribe(options, withMiddleware(handler, ...chain)));
  }

  /** First step of shutdown: stop taking messages and finish (and ack) the ones in flight. */
  async drain(): Promise<void> {
    await Promise.all(this.subscriptions.splice(0).map((s) => s.drain()));
  }

  /** After every service drained: relay (finishes its batch), NATS connection, Nest app, database. */
  async close(): Promise<void> {
    await this.relay.stop();
    await this.connection.close();
    await this.app.close();
    await this.db.drop();
  }

  async outboxRows(where: string, params: unknown[]): Promise<OutboxRow[]> {
    const { rows } = await this.db.pool.query<OutboxRow>(`SELECT seq, id, name, subject, payload, headers, occurred_at, published_at FROM outbox WHERE ${where} ORDER BY seq`, params);
    return rows;
  }

  /** Deliveries that threw (recorded for a retry) or were dead-lettered: none should happen in these flows. */
  async failedDeliveries(): Promise<number> {
    const { rows } = await this.db.pool.query<{ n: string }>('SELECT (SELECT count(*) FROM message_failures) + (SELECT count(*) FROM dead_letters) AS n');
    return Number(rows[0]!.n);
  }

  async unpublished(): Promise<number> {
    return Number((await this.db.pool.query<{ n: string }>('SELECT count(*) AS n FROM outbox WHERE published_at IS NULL')).rows[0]!.n);
  }
}

export interface OutboxRow {
  seq: string;
  id: string;
  name: string;
  subject: string;
  payload: Buffer;
  headers: Record<string, string>;
  occurred_at: Date;
  published_at: Date | null;
}

export function messageOf(row: OutboxRow): Message {
  return { id: row.id, name: row.name, subject: row.subject, payload: new Uint8Array(row.payload), headers: row.headers, occurredAt: row.occurred_at };
}

/** Counts, per message id, the deliveries that got through the middleware position it is placed at. */
export class Probe {
  private readonly counts = new Map<string, number>();

  readonly middleware: HandlerMiddleware = (next) => async (message) => {
    await next(message);
    // Counted only once `next` resolved: at the outermost position that means committed and about to be acked.
    this.counts.set(message.id, this.count(message.id) + 1);
  };

  count(id: string): number {
    return this.counts.get(id) ?? 0;
  }
}

export interface Coordinator {
  node: ServiceNode;
  orchestrator: SagaOrchestrator<ReservationData>;
  /** Outermost of the reply chain: the reply was handled (or skipped) and committed. */
  settled: Probe;
  /** Inside the inbox: the reply reached the orchestrator (the inbox did not skip it). */
  reached: Probe;
  /** The saga's commands as written to the coordinator's outbox, in order. */
  commands(sagaId: string): Promise<OutboxRow[]>;
}

export async function bootCoordinator(stream: string, subjects: Subjects): Promise<Coordinator> {
  const node = await ServiceNode.boot('coordinator', stream, secSchemaSql);
  const orchestrator = new SagaOrchestrator<ReservationData>({
    definition: reservationSaga(subjects),
    store: new PgSagaStore(node.runner),
    publisher: node.outbox,
    registry: reservationRegistry(),
    tx: node.runner,
    metrics: new SagaMetrics(new Registry()),
  });
  const settled = new Probe();
  const reached = new Probe();
  try {
    await node.consume({ subject: orchestrator.replyChannel, group: 'coordinator-replies' }, orchestrator.handleReply, { settled, reached });
  } catch (err) {
    await node.close();
    throw err;
  }
  return {
    node,
    orchestrator,
    settled,
    reached,
    commands: (sagaId) => node.outboxRows(`headers->>'COMMAND_SAGA_ID' = $1`, [sagaId]),
  };
}

const participantSchemaSql = `
CREATE TABLE reservations (id text PRIMARY KEY, order_id text NOT NULL UNIQUE, status text NOT NULL);
-- One row per applied command, deliberately without a unique key: a command applied twice shows as two rows.
CREATE TABLE effects (seq bigserial PRIMARY KEY, order_id text NOT NULL, command text NOT NULL, command_id text NOT NULL);
`;

interface Deferred {
  promise: Promise<void>;
  resolve: () => void;
}

function deferred(): Deferred {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

/** Holds the participant's Confirm for one order inside its handler (and transaction) until released. */
export interface ConfirmHold {
  /** Resolves once Confirm is being handled: the coordinator has then committed the Reserve reply. */
  reached: Promise<void>;
  release(): void;
}

export interface Participant {
  node: ServiceNode;
  holdConfirm(orderId: string): ConfirmHold;
  /** Lets every held Confirm go, so that draining at shutdown cannot hang behind a failed test's hold. */
  releaseAll(): void;
  /** Commands applied for the order, by name, in order. */
  effects(orderId: string): Promise<string[]>;
  reservation(orderId: string): Promise<{ id: string; status: string } | undefined>;
  /** Replies to the saga as written to the participant's outbox, in order. */
  replies(sagaId: string): Promise<OutboxRow[]>;
}

export async function bootParticipant(stream: string, subjects: Subjects): Promise<Participant> {
  const node = await ServiceNode.boot('participant', stream, participantSchemaSql);
  const sql = () => node.runner.executor();
  const holds = new Map<string, { reached: Deferred; released: Deferred }>();
  const applied = (orderId: string, command: string, commandId: string) =>
    sql().query('INSERT INTO effects (order_id, command, command_id) VALUES ($1, $2, $3)', [orderId, command, commandId]);

  const handler = commandHandler<ParticipantCommands>(
    reservationRegistry(),
    {
      [Cmd.Reserve]: async ({ id, payload }) => {
        const reservationId = newId();
        await sql().query(`INSERT INTO reservations (id, order_id, status) VALUES ($1, $2, 'reserved')`, [reservationId, payload.orderId]);
        await applied(payload.orderId, Cmd.Reserve, id);
        return createReply(ReservedReply, { reservationId } satisfies Reserved);
      },
      [Cmd.Confirm]: async ({ id, payload }) => {
        const hold = holds.get(payload.orderId);
        if (hold) {
          hold.reached.resolve();
          await hold.released.promise;
        }
        // Refused before writing anything: commandHandler commits the transaction with the FAILURE reply.
        if (payload.fail) throw new FailedPreconditionError(`reservation ${payload.reservationId} cannot be confirmed`);
        await sql().query(`UPDATE reservations SET status = 'confirmed' WHERE id = $1`, [payload.reservationId]);
        await applied(payload.orderId, Cmd.Confirm, id);
        return undefined;
      },
      [Cmd.Release]: async ({ id, payload }) => {
        await sql().query(`UPDATE reservations SET status = 'released' WHERE id = $1`, [payload.reservationId]);
        await applied(payload.orderId, Cmd.Release, id);
        return undefined;
      },
      [Cmd.Reject]: async ({ id, payload }) => {
        await applied(payload.orderId, Cmd.Reject, id);
        return undefined;
      },
    },
    // Replies are written to the participant's outbox in the command's transaction; its relay publishes them.
    node.outbox,
  );
  try {
    await node.consume({ subject: subjects.commands, group: 'depot-commands' }, handler);
  } catch (err) {
    await node.close();
    throw err;
  }

  return {
    node,
    holdConfirm(orderId) {
      const hold = { reached: deferred(), released: deferred() };
      holds.set(orderId, hold);
      return { reached: hold.reached.promise, release: hold.released.resolve };
    },
    releaseAll() {
      for (const hold of holds.values()) hold.released.resolve();
    },
    async effects(orderId) {
      const { rows } = await node.db.pool.query<{ command: string }>('SELECT command FROM effects WHERE order_id = $1 ORDER BY seq', [orderId]);
      return rows.map((r) => r.command);
    },
    async reservation(orderId) {
      const { rows } = await node.db.pool.query<{ id: string; status: string }>('SELECT id, status FROM reservations WHERE order_id = $1', [orderId]);
      return rows[0];
    },
    replies: (sagaId) => node.outboxRows(`headers->>'REPLY_SAGA_ID' = $1`, [sagaId]),
  };
}
