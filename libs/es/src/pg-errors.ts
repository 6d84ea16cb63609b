// The PostgreSQL error details the event store reacts to. libs/tm has pgErrorCode too, but its index also loads
// NestJS and the outbox relay; es sits below tm (only tm's types are used), so it reads the fields itself rather
// than pulling a framework into every user of the event store.
const UNIQUE_VIOLATION = '23505';

interface PgErrorFields {
  code?: unknown;
  constraint?: unknown;
}

/** The pg error, also when TypeORM wrapped it (QueryFailedError.driverError). */
function driverError(err: unknown): PgErrorFields | undefined {
  if (!err || typeof err !== 'object') return undefined;
  const wrapped = (err as { driverError?: unknown }).driverError;
  return (wrapped && typeof wrapped === 'object' ? wrapped : err) as PgErrorFields;
}

/** The violated unique constraint's name, or undefined when `err` is not a unique violation. */
export function uniqueViolation(err: unknown): string | undefined {
  const fields = driverError(err);
  if (fields?.code !== UNIQUE_VIOLATION) return undefined;
  return typeof fields.constraint === 'string' ? fields.constraint : '';
}
