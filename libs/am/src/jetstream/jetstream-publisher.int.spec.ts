import { randomUUID } from 'node:crypto';
import { natsUrl, uniqueNamespace } from '@mallbots/testing';
import { decodeEnvelope } from '../envelope.js';
import { Header, type Message } from '../message.js';
import { PublishError } from '../ports.js';
import { connectJetStream, type JetStreamConnection } from './jetstream-connection.js';
import { JetStreamPublisher } from './jetstream-publisher.js';
import { ensureStream } from './stream-setup.js';

const ns = uniqueNamespace('pub');
const stream = ns;
let connection: JetStreamConnection;
let publisher: JetStreamPublisher;

beforeAll(async () => {
  connection = await connectJetStream({ servers: natsUrl(), name: ns });
  await ensureStream(connection.jsm, { name: stream, subjectPrefix: ns });
  publisher = new JetStreamPublisher(connection, { stream, ackTimeoutMs: 2_000 });
});

afterAll(async () => {
  await connection.jsm.streams.delete(stream);
  await connection.close();
});

function message(subject: string, headers: Record<string, string> = {}): Message {
  return { id: randomUUID(), name: 'testapi.Happened', subject, payload: new Uint8Array([7, 8]), headers, occurredAt: new Date('2024-05-01T10:00:00Z') };
}

async function storedCount(subject: string): Promise<number> {
  const info = await connection.jsm.streams.info(stream, { subjects_filter: subject });
  return info.state.subjects?.[subject] ?? 0;
}

describe('JetStreamPublisher', () => {
  it('stores the envelope with Nats-Msg-Id and the id and name headers', async () => {
    const subject = `${ns}.events.fields`;
    const sent = message(subject, { 'correlation-id': 'c-1' });
    await publisher.publish([sent]);

    const stored = await connection.jsm.streams.getMessage(stream, { last_by_subj: subject });
    expect(stored!.header.get('Nats-Msg-Id')).toBe(sent.id);
    expect(stored!.header.get('Nats-Msg-Id')).toBe(sent.id);
    expect(stored!.header.get('Mallbots-Message-Name')).toBe(sent.name);
    expect(decodeEnvelope(stored!.data, subject)).toMatchObject({ id: sent.id, name: sent.name, headers: sent.headers, occurredAt: sent.occurredAt });
  });

  it('publishes a whole batch and resolves once all are stored', async () => {
    const subject = `${ns}.events.batch`;
    await publisher.publish(Array.from({ length: 300 }, () => message(subject)));
    expect(await storedCount(subject)).toBe(300);
  });

  it('lets JetStream drop a re-published id, but not a replay', async () => {
    const subject = `${ns}.events.dedup`;
    const sent = message(subject);
    await publisher.publish([sent]);
    await publisher.publish([sent]);
    expect(await storedCount(subject)).toBe(1);

    const replay = { ...sent, headers: { ...sent.headers, [Header.Replay]: 'token-1' } };
    await publisher.publish([replay]);
    await publisher.publish([replay]);
    expect(await storedCount(subject)).toBe(2);
    const stored = await connection.jsm.streams.getMessage(stream, { last_by_subj: subject });
    expect(stored!.header.get('Nats-Msg-Id')).toBe(`${sent.id}:replay:token-1`);
    expect(decodeEnvelope(stored!.data, subject).id).toBe(sent.id);
  });

  it('rejects with PublishError naming exactly the messages no stream accepted', async () => {
    const good = message(`${ns}.events.partial`);
    const lost = message(`${ns}_elsewhere.events.x`);
    const error = await publisher.publish([good, lost]).catch((err: unknown) => err);
    expect(error).toBeInstanceOf(PublishError);
    expect((error as PublishError).failedIds).toEqual([lost.id]);
    expect(await storedCount(good.subject)).toBe(1);
  });

  it('rejects a message that lands in another stream than the expected one', async () => {
    const other = `${ns}_other`;
    await ensureStream(connection.jsm, { name: other, subjectPrefix: other });
    try {
      const sent = message(`${other}.events.x`);
      await expect(publisher.publish([sent])).rejects.toMatchObject({ name: 'PublishError', failedIds: [sent.id] });
      await expect(new JetStreamPublisher(connection).publish([sent])).resolves.toBeUndefined();
    } finally {
      await connection.jsm.streams.delete(other);
    }
  });

  it('fails only the messages whose ack does not come in time, and ignores a late ack', async () => {
    // A core subscriber that never replies: the publish has a responder, so there is no 503, only silence.
    const silent = `${ns}_silent.x`;
    const sub = connection.nc.subscribe(silent);
    const replies: string[] = [];
    void (async () => {
      for await (const m of sub) if (m.reply) replies.push(m.reply);
    })();
    try {
      const quick = new JetStreamPublisher(connection, { ackTimeoutMs: 300 });
      const good = message(`${ns}.events.timeout`);
      const unanswered = message(silent);
      const error = await quick.publish([good, unanswered]).catch((err: unknown) => err);
      expect(error).toBeInstanceOf(PublishError);
      expect((error as PublishError).failedIds).toEqual([unanswered.id]);
      expect((error as Error).message).toContain('no publish ack within 300 ms');
      // The late "ack" reaches a publisher that no longer waits for it, and the next batch is unaffected.
      expect(replies).toHaveLength(1);
      connection.nc.publish(replies[0]!, JSON.stringify({ stream: stream, seq: 1 }));
      await connection.nc.flush();
      await expect(quick.publish([message(`${ns}.events.timeout`)])).resolves.toBeUndefined();
    } finally {
      sub.unsubscribe();
    }
  });

  it('rejects every message of a batch published on a closed connection', async () => {
    const closed = await connectJetStream({ servers: natsUrl(), name: `${ns}-closed` });
    const publisher = new JetStreamPublisher(closed);
    await closed.close();
    const batch = [message(`${ns}.events.closed`), message(`${ns}.events.closed`)];
    await expect(publisher.publish(batch)).rejects.toMatchObject({ name: 'PublishError', failedIds: batch.map((m) => m.id) });
  });
});
