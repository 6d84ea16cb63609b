// The five libraries composed as services compose them: a saga (sec) whose coordinator and participant each have
// their own PostgreSQL database with inbox/outbox/relay (tm), talking over a real JetStream stream (am), with
// errors and ids from ddd and the infrastructure helpers of testing. Wiring: saga-over-jetstream.fixture.ts.
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { connectJetStream, ensureStream, FailureReply, Header, JetStreamPublisher, SuccessReply, type JetStreamConnection } from '@mallbots/am';
import { newId } from '@mallbots/ddd';
import { eventually, natsUrl, uniqueNamespace } from '@mallbots/testing';
import {
  bootCoordinator,
  bootParticipant,
  Cmd,
  messageOf,
  ReservedReply,
  SAGA_NAME,
  subjectsFor,
  type Coordinator,
  type Participant,
} from './saga-over-jetstream.fixture.js';
import { SagaHeader } from './saga-headers.js';
import type { SagaStatus } from './saga-store.port.js';

const ns = uniqueNamespace('secjs');
const subjects = subjectsFor(ns);
let admin: JetStreamConnection | undefined;
let coordinator: Coordinator | undefined;
let participant: Participant | undefined;

beforeAll(async () => {
  admin = await connectJetStream({ servers: natsUrl(), name: `${ns}-test` });
  await ensureStream(admin.jsm, { name: ns, subjectPrefix: ns });
  coordinator = await bootCoordinator(ns, subjects);
  participant = await bootParticipant(ns, subjects);
});

afterAll(async () => {
  // A failed test may have left a Confirm held inside its handler; draining would wait for it for ever.
  participant?.releaseAll();
  // Consumers of both services stop first, so no handler writes to a database or outbox that is going away.
  await Promise.all([coordinator?.node.drain(), participant?.node.drain()]);
  await coordinator?.node.close();
  await participant?.node.close();
  if (admin) {
    await admin.jsm.streams.delete(ns);
    await admin.close();
  }
});

afterEach(async () => {
  // A test that failed while holding a Confirm would otherwise stall the participant for the tests after it.
  services().participant.releaseAll();
  // Everything each test wrote went out through the relays, and no delivery threw (nothing retried or dead-lettered).
  for (const node of [services().coordinator.node, services().participant.node]) {
    await eventually(async () => (await node.unpublished()) === 0);
    expect(await node.failedDeliveries()).toBe(0);
  }
});

function services(): { coordinator: Coordinator; participant: Participant } {
  if (!coordinator || !participant) throw new Error('the services did not boot');
  return { coordinator, participant };
}

/** As a trigger's handler would: the saga row and the first command's outbox row commit in one transaction. */
async function startSaga(orderId: string, failConfirm: boolean): Promise<void> {
  const { coordinator } = services();
  await coordinator.node.runner.run(() => coordinator.orchestrator.start(orderId, { orderId, failConfirm }, { causationId: newId() }));
}

async function sagaReaches(id: string, status: SagaStatus) {
  return eventually(async () => {
    const saga = await services().coordinator.orchestrator.get(id);
    if (saga?.status !== status) throw new Error(`saga ${id} is ${saga?.status ?? 'missing'} at step ${saga?.step}, waiting for ${status}`);
    return saga;
  });
}

const names = (rows: readonly { name: string }[]) => rows.map((r) => r.name);

describe('a saga between two services over PostgreSQL and JetStream', () => {
  it('completes: Reserve and Confirm are applied exactly once, and the Reserve reply payload reaches the saga data', async () => {
    const { coordinator, participant } = services();
    const orderId = newId();
    await startSaga(orderId, false);

    const saga = await sagaReaches(orderId, 'completed');
    const reservation = await participant.reservation(orderId);
    expect(reservation).toEqual({ id: expect.any(String), status: 'confirmed' });
    expect(saga).toMatchObject({ done: true, compensating: false, step: 2, data: { orderId, reservationId: reservation!.id } });
    expect(await participant.effects(orderId)).toEqual([Cmd.Reserve, Cmd.Confirm]);
    expect(names(await coordinator.commands(orderId))).toEqual([Cmd.Reserve, Cmd.Confirm]);
    expect(names(await participant.replies(orderId))).toEqual([ReservedReply, SuccessReply]);
  });

  it('compensates when the participant refuses Confirm: Release, then Reject, and the reservation is released', async () => {
    const { coordinator, participant } = services();
    const orderId = newId();
    await startSaga(orderId, true);

    const saga = await sagaReaches(orderId, 'compensated');
    const reservation = await participant.reservation(orderId);
    expect(reservation?.status).toBe('released');
    // REPLY_ERROR crossed the outbox, the relay and JetStream into the saga row.
    expect(saga).toMatchObject({ done: true, compensating: true, step: 0, lastError: `reservation ${reservation!.id} cannot be confirmed` });
    expect(names(await coordinator.commands(orderId))).toEqual([Cmd.Reserve, Cmd.Confirm, Cmd.Release, Cmd.Reject]);
    // The refused Confirm changed nothing; each compensation was applied once, in order.
    expect(await participant.effects(orderId)).toEqual([Cmd.Reserve, Cmd.Release, Cmd.Reject]);
    const replies = await participant.replies(orderId);
    expect(replies.map((r) => [r.name, r.headers[Header.ReplyOutcome]])).toEqual([
      [ReservedReply, 'SUCCESS'],
      [FailureReply, 'FAILURE'],
      [SuccessReply, 'SUCCESS'],
      [SuccessReply, 'SUCCESS'],
    ]);
  });

  it('skips a redelivered reply in the coordinator inbox and ignores a copy under a new id: one next command', async () => {
    const { coordinator, participant } = services();
    const broker = new JetStreamPublisher(admin!, { stream: ns });
    const lastSeq = async () => (await admin!.jsm.streams.info(ns)).state.last_seq;
    const orderId = newId();
    const hold = participant.holdConfirm(orderId);
    await startSaga(orderId, false);

    // Confirm is being handled, so the coordinator committed the Reserve reply: the saga waits at step 2, and
    // nothing else is in flight in the stream.
    await hold.reached;
    const [reserved] = await participant.replies(orderId);
    expect(reserved?.name).toBe(ReservedReply);
    await eventually(() => coordinator.settled.count(reserved!.id) === 1);

    // The same id again, as a relay re-publishing after a crash would: JetStream's duplicate window drops it.
    const before = await lastSeq();
    await broker.publish([messageOf(reserved!)]);
    expect(await lastSeq()).toBe(before);

    // With a replay token the broker stores it again and the coordinator receives it, but its inbox skips it.
    await broker.publish([{ ...messageOf(reserved!), headers: { ...reserved!.headers, [Header.Replay]: newId() } }]);
    expect(await lastSeq()).toBe(before + 1);
    await eventually(() => coordinator.settled.count(reserved!.id) === 2);
    expect(coordinator.reached.count(reserved!.id)).toBe(1);

    // A new id passes the inbox; the orchestrator ignores it, because step 1 is no longer the outstanding command.
    const copy = { ...messageOf(reserved!), id: newId() };
    await broker.publish([copy]);
    await eventually(() => coordinator.settled.count(copy.id) === 1);
    expect(coordinator.reached.count(copy.id)).toBe(1);
    expect(names(await coordinator.commands(orderId))).toEqual([Cmd.Reserve, Cmd.Confirm]);
    expect(await coordinator.orchestrator.get(orderId)).toMatchObject({ status: 'running', step: 2, attempts: 1 });

    hold.release();
    await sagaReaches(orderId, 'completed');
    expect(names(await coordinator.commands(orderId))).toEqual([Cmd.Reserve, Cmd.Confirm]);
    expect(await participant.effects(orderId)).toEqual([Cmd.Reserve, Cmd.Confirm]);
  });

  it('copies every saga header of a command back onto its reply (the reply-step contract), forward and compensating', async () => {
    const { coordinator, participant } = services();
    const orderId = newId();
    await startSaga(orderId, true);
    // Wait for the four replies rather than for the saga's end: a broken contract then fails on the headers below
    // instead of as a saga that never moves on.
    const replies = await eventually(async () => {
      const rows = await participant.replies(orderId);
      if (rows.length !== 4) throw new Error(`${rows.length} of 4 replies written`);
      return rows;
    });

    const commands = await coordinator.commands(orderId);
    const step = (h: Record<string, string>) => [h[SagaHeader.CommandStep], h[SagaHeader.CommandCompensating], h[SagaHeader.CommandAttempt]];
    expect(commands.map((c) => [c.name, ...step(c.headers)])).toEqual([
      [Cmd.Reserve, '1', 'false', '1'],
      [Cmd.Confirm, '2', 'false', '1'],
      [Cmd.Release, '1', 'true', '1'],
      [Cmd.Reject, '0', 'true', '1'],
    ]);

    const contract = [
      [Header.CommandSagaId, Header.ReplySagaId],
      [Header.CommandSagaName, Header.ReplySagaName],
      [SagaHeader.CommandStep, SagaHeader.ReplyStep],
      [SagaHeader.CommandCompensating, SagaHeader.ReplyCompensating],
      [SagaHeader.CommandAttempt, SagaHeader.ReplyAttempt],
    ] as const;
    for (const command of commands) {
      expect(command.headers).toMatchObject({ [Header.CommandSagaId]: orderId, [Header.CommandSagaName]: SAGA_NAME });
      // The reply's causation id names the command it answers.
      const reply = replies.find((r) => r.headers[Header.CausationId] === command.id);
      expect({ command: command.name, subject: reply?.subject, headers: reply && Object.fromEntries(contract.map(([, r]) => [r, reply.headers[r]])) }).toEqual({
        command: command.name,
        subject: subjects.replies,
        headers: Object.fromEntries(contract.map(([c, r]) => [r, command.headers[c]])),
      });
      expect(reply!.headers).toMatchObject({ [Header.CorrelationId]: orderId, REPLY_REPLY_CHANNEL: subjects.replies });
    }
    // And the coordinator, reading the same headers off JetStream, matched every reply to its command.
    await sagaReaches(orderId, 'compensated');
  });
});
