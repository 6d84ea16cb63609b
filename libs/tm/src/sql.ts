import { createHash } from 'node:crypto';

/**
 * The narrow SQL port every library persists through: raw parameterised SQL ($1, $2…) returning rows and the
 * affected-row count. pg's Pool, PoolClient and Client satisfy it as they are; `entityManagerExecutor` adapts a
 * TypeORM EntityManager (the transaction object of @nestjs-cls/transactional's TypeORM adapter).
 */
export interface SqlResult<R> {
  rows: R[];
  rowCount: number | null;
}

/**
 * A statement with a name is a server-side prepared statement: PostgreSQL parses and plans it once per connection
 * instead of on every execution. For the hot statements of the libraries (event append, inbox and outbox inserts,
 * saga rows) that halves the database CPU per call; build them with `prepared(text)`.
 */
export interface Statement {
  readonly text: string;
  readonly name?: string;
}

export interface SqlExecutor {
  query<R = Record<string, unknown>>(sql: string | Statement, params?: unknown[]): Promise<SqlResult<R>>;
}

const preparedNames = new Map<string, string>();

/**
 * A named statement for `text`. The name is derived from the text, so one text always has one name: PostgreSQL
 * refuses a second, different statement under a name a connection already prepared.
 */
export function prepared(text: string): Statement {
  let name = preparedNames.get(text);
  if (!name) {
    name = `mb_${createHash('sha1').update(text).digest('hex').slice(0, 24)}`;
    preparedNames.set(text, name);
  }
  return { text, name };
}

/**
 * One database transaction per request and per message (Q02, architecture §4.5). `run` starts a transaction
 * (or joins the one already active in this async context), commits when `work` resolves and rolls back when it
 * throws (re-throwing). `executor()` is the executor of the active transaction, or of the pool outside one, so
 * every repository and store in a request shares the same transaction (Q03).
 */
export interface TransactionRunner {
  run<T>(work: () => Promise<T>): Promise<T>;
  executor(): SqlExecutor;
  inTransaction(): boolean;
}

/** PostgreSQL error codes the libraries react to. */
export const PgErrorCode = {
  UniqueViolation: '23505',
  SerializationFailure: '40001',
  DeadlockDetected: '40P01',
} as const;

export function pgErrorCode(err: unknown): string | undefined {
  let e: unknown = err;
  // TypeORM wraps driver errors (QueryFailedError.driverError); pg errors carry `code` directly.
  for (let i = 0; i < 3 && e && typeof e === 'object'; i++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
    e = (e as { driverError?: unknown; cause?: unknown }).driverError ?? (e as { cause?: unknown }).cause;
  }
  return undefined;
}

/** The violated unique constraint's name ('' when pg did not say), or undefined when `err` is no unique violation. */
export function uniqueViolationConstraint(err: unknown): string | undefined {
  if (pgErrorCode(err) !== PgErrorCode.UniqueViolation) return undefined;
  let e: unknown = err;
  for (let i = 0; i < 3 && e && typeof e === 'object'; i++) {
    const constraint = (e as { constraint?: unknown }).constraint;
    if (typeof constraint === 'string') return constraint;
    e = (e as { driverError?: unknown; cause?: unknown }).driverError ?? (e as { cause?: unknown }).cause;
  }
  return '';
}
