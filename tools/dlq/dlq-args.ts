// Argument parsing of `npm run dlq -- …`. Pure (no I/O), so every way of calling it wrongly is testable, and a bad
// call is refused before anything is built, connected to or changed.

export const DLQ_USAGE = `usage: npm run dlq -- <command> [options]

  list    --db <postgres url> [--consumer <group>] [--all] [--limit <n>] [--json]
          open dead letters, oldest first (--all: replayed ones too; --json: full records, payload in base64)
  show    --db <postgres url> --consumer <group> --id <message id> [--json]
          one dead letter with its headers and whole error history
  replay  --db <postgres url> --nats <nats url> --consumer <group> (--id <message id> | --all) [--stream <name>]
          republishes with the original id and a fresh replay header, then marks it replayed
          (--all: every open dead letter of the group; --stream: default mallbots)

  --db defaults to $MALLBOTS_DLQ_DB_URL, --nats to $MALLBOTS_NATS_URL.`;

export interface ListCommand {
  readonly action: 'list';
  readonly db: string;
  readonly consumer?: string;
  readonly includeReplayed: boolean;
  readonly limit?: number;
  readonly json: boolean;
}

export interface ShowCommand {
  readonly action: 'show';
  readonly db: string;
  readonly consumer: string;
  readonly id: string;
  readonly json: boolean;
}

export interface ReplayCommand {
  readonly action: 'replay';
  readonly db: string;
  readonly nats: string;
  readonly consumer: string;
  /** One message id, or every open dead letter of the consumer. */
  readonly target: { readonly id: string } | { readonly all: true };
  readonly stream: string;
}

export type DlqCommand = ListCommand | ShowCommand | ReplayCommand;

export type DlqParseResult = { readonly kind: 'run'; readonly command: DlqCommand } | { readonly kind: 'help' } | { readonly kind: 'error'; readonly message: string };

type Env = Readonly<Record<string, string | undefined>>;

const FLAGS = new Set(['all', 'json']);
const ALLOWED: Record<DlqCommand['action'], ReadonlySet<string>> = {
  list: new Set(['db', 'consumer', 'all', 'limit', 'json']),
  show: new Set(['db', 'consumer', 'id', 'json']),
  replay: new Set(['db', 'nats', 'consumer', 'id', 'all', 'stream']),
};

class ArgError extends Error {}

export function parseDlqArgs(argv: readonly string[], env: Env): DlqParseResult {
  if (argv.length === 0) return { kind: 'error', message: 'missing command (list, show or replay)' };
  if (argv.some((a) => a === '--help' || a === '-h') || argv[0] === 'help') return { kind: 'help' };
  const [action, ...rest] = argv;
  if (action !== 'list' && action !== 'show' && action !== 'replay') return { kind: 'error', message: `unknown command '${action}' (list, show or replay)` };
  try {
    const options = readOptions(rest, ALLOWED[action]);
    const db = databaseUrl(options.get('db') ?? env.MALLBOTS_DLQ_DB_URL);
    switch (action) {
      case 'list': {
        const consumer = options.get('consumer');
        const limit = options.get('limit');
        return {
          kind: 'run',
          command: {
            action,
            db,
            ...(consumer !== undefined ? { consumer } : {}),
            includeReplayed: options.has('all'),
            ...(limit !== undefined ? { limit: positiveInteger('--limit', limit) } : {}),
            json: options.has('json'),
          },
        };
      }
      case 'show':
        return { kind: 'run', command: { action, db, consumer: required(options, 'consumer'), id: required(options, 'id'), json: options.has('json') } };
      case 'replay': {
        const consumer = required(options, 'consumer');
        const id = options.get('id');
        if (id !== undefined && options.has('all')) throw new ArgError('give either --id or --all, not both');
        if (id === undefined && !options.has('all')) throw new ArgError('replay needs --id <message id> or --all');
        return {
          kind: 'run',
          command: { action, db, nats: natsUrl(options.get('nats') ?? env.MALLBOTS_NATS_URL), consumer, target: id !== undefined ? { id } : { all: true }, stream: streamName(options.get('stream') ?? 'mallbots') },
        };
      }
    }
  } catch (err) {
    if (err instanceof ArgError) return { kind: 'error', message: err.message };
    throw err;
  }
}

/** `--name value`, `--name=value` and bare flags; anything unknown, repeated or positional is refused. */
function readOptions(args: readonly string[], allowed: ReadonlySet<string>): Map<string, string> {
  const options = new Map<string, string>();
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (!arg.startsWith('--')) throw new ArgError(`unexpected argument '${arg}'`);
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq === -1 ? undefined : eq);
    if (!allowed.has(name)) throw new ArgError(`unknown option --${name}`);
    if (options.has(name)) throw new ArgError(`--${name} given twice`);
    if (FLAGS.has(name)) {
      if (eq !== -1) throw new ArgError(`--${name} takes no value`);
      options.set(name, '');
      continue;
    }
    let value: string | undefined;
    if (eq !== -1) value = arg.slice(eq + 1);
    else {
      value = args[i + 1];
      // A following option means the value was forgotten, not that the option's value starts with `--`.
      if (value === undefined || value.startsWith('--')) throw new ArgError(`--${name} needs a value`);
      i++;
    }
    if (value.trim() === '') throw new ArgError(`--${name} needs a value`);
    options.set(name, value);
  }
  return options;
}

function required(options: Map<string, string>, name: string): string {
  const value = options.get(name);
  if (value === undefined) throw new ArgError(`missing --${name}`);
  return value;
}

function positiveInteger(option: string, value: string): number {
  if (!/^[1-9][0-9]{0,8}$/.test(value)) throw new ArgError(`${option} must be a positive whole number`);
  return Number(value);
}

// The URL is never echoed in an error: it may carry the password.
function databaseUrl(value: string | undefined): string {
  if (value === undefined || value === '') throw new ArgError('missing --db <postgres url> (or set MALLBOTS_DLQ_DB_URL)');
  if (!URL.canParse(value) || !['postgres:', 'postgresql:'].includes(new URL(value).protocol)) throw new ArgError('--db must be a postgres:// or postgresql:// URL');
  return value;
}

function natsUrl(value: string | undefined): string {
  if (value === undefined || value === '') throw new ArgError('missing --nats <nats url> (or set MALLBOTS_NATS_URL)');
  if (!URL.canParse(value) || !['nats:', 'tls:', 'ws:', 'wss:'].includes(new URL(value).protocol)) throw new ArgError('--nats must be a nats://, tls://, ws:// or wss:// URL');
  return value;
}

function streamName(value: string): string {
  // JetStream stream names may not contain whitespace, `.`, `*`, `>`, path separators.
  if (!/^[A-Za-z0-9_-]+$/.test(value)) throw new ArgError('--stream must be a JetStream stream name (letters, digits, _ and -)');
  return value;
}
