// What `npm run dlq -- list|show|replay` does once its arguments are valid. Loaded only after the libraries are
// built (it imports the BUILT @mallbots/* packages, see dlq-command.ts). `runDlq` takes its store, publisher and
// output as arguments, so the integration test drives it against real servers without a process of its own.
import pg from 'pg';
import { connectJetStream, Header, JetStreamPublisher, replayDeadLetter, type DeadLetter, type DeadLetterStore, type MessagePublisher } from '@mallbots/am';
import { NotFoundError } from '@mallbots/ddd';
import { PgDeadLetterStore } from '@mallbots/tm';
import type { DlqCommand, ListCommand, ReplayCommand, ShowCommand } from './dlq-args.ts';
import { deadLetterDetail, deadLetterJson, deadLetterTable } from './dlq-format.ts';
import { maskUrl, passwordsOf, redactingIo, type DlqIo } from './redact.ts';

export interface PublisherHandle {
  readonly publisher: MessagePublisher;
  close(): Promise<void>;
}

export interface DlqDeps {
  readonly store: DeadLetterStore;
  /** Opened only by `replay`, and only once there is something to replay: list and show need no broker. */
  openPublisher(natsUrl: string, stream: string): Promise<PublisherHandle>;
  readonly io: DlqIo;
}

/** Runs one parsed command; resolves to the process exit code (0 done, 1 failed or not found). */
export async function runDlq(command: DlqCommand, deps: DlqDeps): Promise<number> {
  switch (command.action) {
    case 'list':
      return list(command, deps);
    case 'show':
      return show(command, deps);
    case 'replay':
      return replay(command, deps);
  }
}

/** Publishes through the same adapter the services use, so a replay is stored exactly like an original publish. */
export async function openJetStreamPublisher(natsUrl: string, stream: string): Promise<PublisherHandle> {
  const connection = await connectJetStream({ servers: natsUrl, name: 'mallbots-dlq' });
  return { publisher: new JetStreamPublisher(connection, { stream }), close: () => connection.close() };
}

/** The CLI path: a pool on `command.db`, JetStream on demand, every output line scrubbed of the URLs' passwords. */
export async function runWithConnections(command: DlqCommand, consoleIo: DlqIo): Promise<number> {
  const urls = command.action === 'replay' ? [command.db, command.nats] : [command.db];
  const io = redactingIo(consoleIo, passwordsOf(urls));
  const pool = new pg.Pool({ connectionString: command.db, max: 1 });
  // An idle client losing its connection emits 'error' on the pool; unhandled it would crash the process, while the
  // failing query reports the problem anyway.
  pool.on('error', () => undefined);
  try {
    return await runDlq(command, { store: new PgDeadLetterStore(pool), openPublisher: openJetStreamPublisher, io });
  } catch (err) {
    io.err(`dlq ${command.action} failed: ${errorText(err)}`);
    io.err(`  database ${maskUrl(command.db)}${command.action === 'replay' ? `, NATS ${maskUrl(command.nats)}, stream ${command.stream}` : ''}`);
    return 1;
  } finally {
    await pool.end();
  }
}

async function list(command: ListCommand, { store, io }: DlqDeps): Promise<number> {
  const deadLetters = await store.list({
    includeReplayed: command.includeReplayed,
    ...(command.consumer !== undefined ? { consumer: command.consumer } : {}),
    ...(command.limit !== undefined ? { limit: command.limit } : {}),
  });
  if (command.json) {
    io.out(JSON.stringify(deadLetters.map(deadLetterJson), null, 2));
    return 0;
  }
  const scope = (n: number) => `${command.includeReplayed ? '' : 'open '}dead letter${n === 1 ? '' : 's'}${command.consumer !== undefined ? ` of ${command.consumer}` : ''}`;
  if (deadLetters.length === 0) {
    io.out(`no ${scope(0)}`);
    return 0;
  }
  io.out(deadLetterTable(deadLetters, command.includeReplayed));
  const limited = command.limit !== undefined && deadLetters.length === command.limit;
  io.out(`\n${deadLetters.length} ${scope(deadLetters.length)}${limited ? ` (the oldest ${command.limit}; raise --limit for more)` : ''}`);
  return 0;
}

async function show(command: ShowCommand, { store, io }: DlqDeps): Promise<number> {
  const deadLetter = await store.get(command.consumer, command.id);
  if (!deadLetter) {
    io.err(notFound(command.consumer, command.id));
    return 1;
  }
  io.out(command.json ? JSON.stringify(deadLetterJson(deadLetter), null, 2) : deadLetterDetail(deadLetter));
  return 0;
}

async function replay(command: ReplayCommand, { store, openPublisher, io }: DlqDeps): Promise<number> {
  // Resolve the targets before touching the broker: an unknown id must publish nothing.
  let targets: DeadLetter[];
  if ('id' in command.target) {
    const deadLetter = await store.get(command.consumer, command.target.id);
    if (!deadLetter) {
      io.err(notFound(command.consumer, command.target.id));
      return 1;
    }
    if (deadLetter.replayedAt) io.out(`note: ${deadLetter.id} was already replayed at ${deadLetter.replayedAt.toISOString()}; replaying it again`);
    targets = [deadLetter];
  } else {
    targets = await store.list({ consumer: command.consumer });
    if (targets.length === 0) {
      io.out(`no open dead letters of ${command.consumer}: nothing replayed`);
      return 0;
    }
  }
  const { publisher, close } = await openPublisher(command.nats, command.stream);
  let replayed = 0;
  try {
    for (const target of targets) {
      try {
        const sent = await replayDeadLetter(store, publisher, command.consumer, target.id);
        replayed++;
        io.out(`replayed ${sent.id} (${sent.name}) of ${command.consumer} to ${sent.subject}, ${Header.Replay}: ${sent.headers[Header.Replay]}`);
      } catch (err) {
        // Stop at the first failure: the broker or the database is in trouble, and what is left stays open.
        io.err(err instanceof NotFoundError ? notFound(command.consumer, target.id) : `replaying ${target.id} failed: ${errorText(err)}`);
        if (targets.length > 1) io.err(`replayed ${replayed} of ${targets.length}; the others are still open`);
        return 1;
      }
    }
  } finally {
    await close();
  }
  if (targets.length > 1) io.out(`replayed ${replayed} dead letters of ${command.consumer}`);
  return 0;
}

function notFound(consumer: string, id: string): string {
  return `no dead letter ${id} for consumer ${consumer} (see: npm run dlq -- list --all --consumer ${consumer})`;
}

/** pg's connection errors may be AggregateErrors with an empty message (one inner error per address tried). */
function errorText(err: unknown): string {
  if (err instanceof AggregateError && !err.message) return err.errors.map((e) => errorText(e)).join('; ');
  return err instanceof Error ? err.message || err.name : String(err);
}
