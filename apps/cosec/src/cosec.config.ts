import { ConfigError } from '@mallbots/platform';

/** cosec's own settings, on top of the platform's (PG_CONN, NATS_URL, WEB_PORT, …). */
export interface CosecConfig {
  /** How long a step's command may go unanswered before the step fails (forward) or is resent (compensating). */
  readonly stepTimeoutMs: number;
  /** How often the sweeper looks for overdue steps. */
  readonly timeoutSweepIntervalMs: number;
  /** Sends of one compensation before the saga is parked as `failed` for an operator. */
  readonly maxCompensationAttempts: number;
}

/**
 * `SAGA_STEP_TIMEOUT` (default 30s), `SAGA_TIMEOUT_SWEEP_INTERVAL` (1s), `SAGA_MAX_COMPENSATION_ATTEMPTS` (3); durations
 * as the platform writes them (`30s`, `500ms`, `1m`, bare milliseconds). Every problem is reported at once.
 */
export function loadCosecConfig(env: Readonly<Record<string, string | undefined>> = process.env): CosecConfig {
  const problems: string[] = [];
  const config: CosecConfig = {
    stepTimeoutMs: duration(env, 'SAGA_STEP_TIMEOUT', '30s', problems),
    timeoutSweepIntervalMs: duration(env, 'SAGA_TIMEOUT_SWEEP_INTERVAL', '1s', problems),
    maxCompensationAttempts: positiveInteger(env, 'SAGA_MAX_COMPENSATION_ATTEMPTS', '3', problems),
  };
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}

function duration(env: Readonly<Record<string, string | undefined>>, name: string, fallback: string, problems: string[]): number {
  const raw = env[name]?.trim() || fallback;
  const match = /^(\d+)(ms|s|m)?$/.exec(raw);
  const ms = match ? Number(match[1]) * (match[2] === 'm' ? 60_000 : match[2] === 's' ? 1_000 : 1) : 0;
  if (ms <= 0) problems.push(`${name} must be a positive duration such as 30s or 500ms, got "${raw}"`);
  return ms;
}

function positiveInteger(env: Readonly<Record<string, string | undefined>>, name: string, fallback: string, problems: string[]): number {
  const raw = env[name]?.trim() || fallback;
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || value < 1) problems.push(`${name} must be a whole number ≥ 1, got "${raw}"`);
  return value;
}
