// The dead-letter command against the real PostgreSQL and JetStream: dead letters stored by the production store,
// replays published through the production adapter into a stream of this file's own.
import { randomUUID } from 'node:crypto';
import { connectJetStream, decodeEnvelope, ensureStream, Header, type IncomingMessage, type JetStreamConnection, type Message } from '@mallbots/am';
import { PgDeadLetterStore, tmSchemaSql } from '@mallbots/tm';
import { createTestDatabase, natsUrl, uniqueNamespace, type TestDatabase } from '@mallbots/testing';
import { DLQ_USAGE, parseDlqArgs } from './dlq-args.ts';
import { dlqCommand } from './dlq-command.ts';
import { maskUrl, passwordsOf, redactingIo, type DlqIo } from './redact.ts';

const ns = uniqueNamespace('dlq');
const stream = ns;
const subject = `${ns}.events.Thing`;
let db: TestDatabase;
let store: PgDeadLetterStore;
let connection: JetStreamConnection;

beforeAll(async () => {
  db = await createTestDatabase('tools_dlq');
  await db.pool.query(tmSchemaSql);
  store = new PgDeadLetterStore(db.pool);
  connection = await connectJetStream({ servers: natsUrl(), name: ns });
  await ensureStream(connection.jsm, { name: stream, subjectPrefix: ns });
});

afterAll(async () => {
  await connection.jsm.streams.delete(stream);
  await connection.close();
  await db.drop();
});

/** Two failed deliveries recorded, the third dead-letters it: the path the JetStream subscriber takes. */
async function seedDeadLetter(consumer: string): Promise<Message> {
  const message: Message = {
    id: randomUUID(),
    name: 'testapi.ThingHappened',
    subject,
    payload: new Uint8Array([1, 2, 3]),
    headers: { 'correlation-id': 'corr-1' },
    occurredAt: new Date('2024-05-01T10:00:00Z'),
  };
  const delivery = (attempt: number): IncomingMessage => ({ ...message, receivedAt: new Date(), deliveryAttempt: attempt, consumer });
  await store.recordFailure(consumer, delivery(1), 'Error: first failure');
  await store.recordFailure(consumer, delivery(2), 'Error: second failure\n    at handle (thing.handler.ts:12:5)');
  await store.deadLetter(consumer, delivery(3), 'Error: third failure, giving up');
  return message;
}

interface Run {
  code: number;
  out: string;
  err: string;
}

/** Runs the command as `npm run dlq -- …` does, minus the library build (Jest runs the sources). */
async function dlq(...argv: string[]): Promise<Run> {
  const out: string[] = [];
  const err: string[] = [];
  const io: DlqIo = { out: (t) => out.push(t), err: (t) => err.push(t) };
  const code = await dlqCommand(argv, io, {}, () => 0);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

async function storedMessages(): Promise<number> {
  return (await connection.jsm.streams.info(stream)).state.messages;
}

describe('dlq list', () => {
  it('shows an open dead letter with its attempts and last error', async () => {
    const consumer = uniqueNamespace('list');
    const message = await seedDeadLetter(consumer);

    const run = await dlq('list', '--db', db.url, '--consumer', consumer);

    expect(run).toMatchObject({ code: 0, err: '' });
    const row = run.out.split('\n').find((line) => line.includes(message.id));
    const cells = row!.split(/ {2,}/);
    expect(cells.slice(0, 4)).toEqual([consumer, message.id, message.name, subject]);
    expect(new Date(cells[4]!).getTime()).not.toBeNaN();
    expect(cells[5]).toBe('3');
    expect(cells[6]).toBe('Error: third failure, giving up');
    expect(run.out).toContain(`1 open dead letter of ${consumer}`);
  });

  it('prints full records with --json: headers, error history and the payload in base64', async () => {
    const consumer = uniqueNamespace('json');
    const message = await seedDeadLetter(consumer);

    const run = await dlq('list', `--db=${db.url}`, '--consumer', consumer, '--json');

    expect(run.code).toBe(0);
    const records = JSON.parse(run.out) as Array<Record<string, unknown>>;
    expect(records).toEqual([
      expect.objectContaining({
        consumer,
        id: message.id,
        headers: { 'correlation-id': 'corr-1' },
        payloadBase64: Buffer.from([1, 2, 3]).toString('base64'),
        replayedAt: null,
        attempts: 3,
        errors: [
          expect.objectContaining({ attempt: 1, error: 'Error: first failure' }),
          expect.objectContaining({ attempt: 2, error: expect.stringContaining('second failure') }),
          expect.objectContaining({ attempt: 3, error: 'Error: third failure, giving up' }),
        ],
      }),
    ]);
  });

  it('says so when a group has no dead letters', async () => {
    const run = await dlq('list', '--db', db.url, '--consumer', uniqueNamespace('none'));
    expect(run).toMatchObject({ code: 0, out: expect.stringMatching(/^no open dead letters of /) });
  });
});

describe('dlq show', () => {
  it('prints one dead letter with its headers and whole error history', async () => {
    const consumer = uniqueNamespace('show');
    const message = await seedDeadLetter(consumer);

    const run = await dlq('show', '--db', db.url, '--consumer', consumer, '--id', message.id);

    expect(run).toMatchObject({ code: 0, err: '' });
    expect(run.out).toContain(`message id        ${message.id}`);
    expect(run.out).toContain('  correlation-id: corr-1');
    expect(run.out).toContain('3 failed deliveries');
    expect(run.out).toMatch(/1\. attempt 1 at .*\n\s+Error: first failure/);
    // The whole error, stack lines included, not the truncated table cell.
    expect(run.out).toMatch(/2\. attempt 2 at .*\n\s+Error: second failure\n\s+at handle \(thing\.handler\.ts:12:5\)/);
    expect(run.out).toMatch(/3\. attempt 3 at .*\n\s+Error: third failure, giving up/);
  });

  it('fails with exit code 1 for an unknown id', async () => {
    const run = await dlq('show', '--db', db.url, '--consumer', 'nobody', '--id', randomUUID());
    expect(run).toMatchObject({ code: 1, out: '', err: expect.stringContaining('no dead letter') });
  });
});

describe('dlq replay', () => {
  it('republishes with the original id and a replay header, and marks the dead letter replayed', async () => {
    const consumer = uniqueNamespace('replay');
    const message = await seedDeadLetter(consumer);
    const before = await storedMessages();

    const run = await dlq('replay', '--db', db.url, '--nats', natsUrl(), '--consumer', consumer, '--id', message.id, '--stream', stream);

    expect(run).toMatchObject({ code: 0, err: '' });
    const token = /mallbots-replay: (\S+)/.exec(run.out)?.[1];
    expect(token).toBeDefined();
    expect(await storedMessages()).toBe(before + 1);
    const stored = await connection.jsm.streams.getMessage(stream, { last_by_subj: subject });
    expect(stored!.header.get('Nats-Msg-Id')).toBe(`${message.id}:replay:${token}`);
    const received = decodeEnvelope(stored!.data, subject);
    expect(received).toMatchObject({ id: message.id, name: message.name, payload: message.payload, occurredAt: message.occurredAt });
    expect(received.headers).toEqual({ ...message.headers, [Header.Replay]: token });

    expect((await store.get(consumer, message.id))?.replayedAt).toBeInstanceOf(Date);
    expect((await dlq('list', '--db', db.url, '--consumer', consumer)).out).not.toContain(message.id);
    const all = await dlq('list', '--db', db.url, '--consumer', consumer, '--all');
    expect(all.out).toContain(message.id);
    expect(all.out).toContain('replayed at');
  });

  it('replays every open dead letter of a group with --all', async () => {
    const consumer = uniqueNamespace('replayall');
    const messages = [await seedDeadLetter(consumer), await seedDeadLetter(consumer)];
    const before = await storedMessages();

    const run = await dlq('replay', '--db', db.url, '--nats', natsUrl(), '--consumer', consumer, '--all', '--stream', stream);

    expect(run).toMatchObject({ code: 0, err: '' });
    for (const m of messages) expect(run.out).toContain(`replayed ${m.id}`);
    expect(await storedMessages()).toBe(before + 2);
    expect(await store.list({ consumer })).toEqual([]);
  });

  it('refuses an unknown id with exit code 1 and publishes nothing', async () => {
    const consumer = uniqueNamespace('unknown');
    await seedDeadLetter(consumer);
    const before = await storedMessages();
    const id = randomUUID();

    const run = await dlq('replay', '--db', db.url, '--nats', natsUrl(), '--consumer', consumer, '--id', id, '--stream', stream);

    expect(run).toMatchObject({ code: 1, out: '' });
    expect(run.err).toContain(`no dead letter ${id} for consumer ${consumer}`);
    expect(await storedMessages()).toBe(before);
    expect(await store.list({ consumer })).toHaveLength(1);
  });
});

describe('dlq arguments', () => {
  const dbUrl = 'postgres://u:pw@127.0.0.1:5432/d';
  const natsUri = 'nats://127.0.0.1:4222';

  it.each([
    [[], 'missing command'],
    [['purge', '--db', dbUrl], "unknown command 'purge'"],
    [['list'], 'missing --db'],
    [['list', '--db', 'not a url'], '--db must be a postgres'],
    [['list', '--db', 'mysql://u:pw@h/d'], '--db must be a postgres'],
    [['list', '--db', dbUrl, '--limit', '0'], '--limit must be a positive whole number'],
    [['list', '--db', dbUrl, '--limit', 'ten'], '--limit must be a positive whole number'],
    [['list', '--db', dbUrl, '--consumer'], '--consumer needs a value'],
    [['list', '--db', dbUrl, '--consumer', '--all'], '--consumer needs a value'],
    [['list', '--db', dbUrl, '--json=yes'], '--json takes no value'],
    [['list', '--db', dbUrl, '--id', 'x'], 'unknown option --id'],
    [['list', '--db', dbUrl, 'extra'], "unexpected argument 'extra'"],
    [['list', '--db', dbUrl, '--db', dbUrl], '--db given twice'],
    [['show', '--db', dbUrl, '--consumer', 'c'], 'missing --id'],
    [['show', '--db', dbUrl, '--id', 'x'], 'missing --consumer'],
    [['replay', '--db', dbUrl, '--nats', natsUri, '--consumer', 'c'], 'replay needs --id <message id> or --all'],
    [['replay', '--db', dbUrl, '--nats', natsUri, '--consumer', 'c', '--id', 'x', '--all'], 'either --id or --all'],
    [['replay', '--db', dbUrl, '--consumer', 'c', '--id', 'x'], 'missing --nats'],
    [['replay', '--db', dbUrl, '--nats', 'http://h:1', '--consumer', 'c', '--id', 'x'], '--nats must be a nats://'],
    [['replay', '--db', dbUrl, '--nats', natsUri, '--consumer', 'c', '--id', 'x', '--stream', 'a.b'], '--stream must be a JetStream stream name'],
  ])('%j is refused: %s', (argv, message) => {
    const result = parseDlqArgs(argv, {});
    expect(result).toEqual({ kind: 'error', message: expect.stringContaining(message) });
    if (result.kind === 'error') expect(result.message).not.toContain('pw');
  });

  it('parses a full call, and takes --db and --nats from the environment', () => {
    expect(parseDlqArgs(['replay', '--consumer', 'c', '--all'], { MALLBOTS_DLQ_DB_URL: dbUrl, MALLBOTS_NATS_URL: natsUri })).toEqual({
      kind: 'run',
      command: { action: 'replay', db: dbUrl, nats: natsUri, consumer: 'c', target: { all: true }, stream: 'mallbots' },
    });
    expect(parseDlqArgs(['list', '--db', dbUrl, '--all', '--limit=5', '--json'], { MALLBOTS_DLQ_DB_URL: 'postgres://other/x' })).toEqual({
      kind: 'run',
      command: { action: 'list', db: dbUrl, includeReplayed: true, limit: 5, json: true },
    });
    expect(parseDlqArgs(['show', '--help'], {})).toEqual({ kind: 'help' });
  });

  it('prints the usage and exits 2 on bad arguments, before building or changing anything', async () => {
    const consumer = uniqueNamespace('badargs');
    const message = await seedDeadLetter(consumer);
    const out: string[] = [];
    const err: string[] = [];
    let builds = 0;
    const io: DlqIo = { out: (t) => out.push(t), err: (t) => err.push(t) };

    const code = await dlqCommand(['replay', '--db', db.url, '--nats', natsUrl(), '--consumer', consumer, '--id', message.id, '--all'], io, {}, () => ++builds && 0);

    expect(code).toBe(2);
    expect(builds).toBe(0);
    expect(out).toEqual([]);
    expect(err.join('\n')).toContain('either --id or --all');
    expect(err).toContain(DLQ_USAGE);
    expect((await store.get(consumer, message.id))?.replayedAt).toBeUndefined();
  });
});

describe('dlq never prints the database password', () => {
  it('masks URLs and scrubs the passwords out of any output line', () => {
    expect(maskUrl('postgres://mallbots:s3cr%40t@db:5432/stores')).toBe('postgres://mallbots:***@db:5432/stores');
    expect(maskUrl('nats://127.0.0.1:4222')).toBe('nats://127.0.0.1:4222');
    const lines: string[] = [];
    const io = redactingIo({ out: (t) => lines.push(t), err: (t) => lines.push(t) }, passwordsOf(['postgres://mallbots:s3cr%40t@db/stores']));
    io.out('password s3cr@t rejected');
    io.err('url postgres://mallbots:s3cr%40t@db/stores');
    expect(lines).toEqual(['password *** rejected', 'url postgres://mallbots:***@db/stores']);
  });

  it('reports a failing database without its password', async () => {
    const url = new URL(db.url);
    expect(url.password).not.toBe('');
    url.pathname = `/${db.name}_missing`;

    const run = await dlq('list', '--db', url.toString());

    expect(run.code).toBe(1);
    expect(run.err).toContain('does not exist');
    expect(run.err).toContain(`${url.username}:***@`);
    expect(`${run.out}${run.err}`).not.toContain(url.password);
  });
});
