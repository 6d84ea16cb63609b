import type { IncomingMessage } from '@mallbots/am';

/** The command a step sends: `payload` is serialised through the MessageRegistry under `name`. */
export interface SagaCommand {
  readonly subject: string;
  readonly name: string;
  readonly payload: unknown;
}

/** Builds a step's command from the saga data. Pure; throwing means the data cannot produce the command. */
export type SagaCommandFactory<Data> = (data: Data) => SagaCommand;

/**
 * Folds a success reply into the saga data and returns the new data (pure: never mutate `data`). `reply` is the
 * payload decoded through the MessageRegistry under the reply's name. Runs only for SUCCESS replies (fixes #31).
 */
export type SagaReplyHandler<Data, Reply = unknown> = (data: Data, reply: Reply, message: IncomingMessage) => Data;

export interface SagaStep<Data> {
  readonly index: number;
  readonly action?: SagaCommandFactory<Data>;
  readonly compensation?: SagaCommandFactory<Data>;
  /** Keyed by reply name. */
  readonly actionReplies: ReadonlyMap<string, SagaReplyHandler<Data>>;
  readonly compensationReplies: ReadonlyMap<string, SagaReplyHandler<Data>>;
  /** How long the step's command may go unanswered before the step fails (forward) or is retried (compensating). */
  readonly timeoutMs: number;
}

export interface SagaDefinition<Data> {
  /** Unique saga name, e.g. `cosec.CreateOrder`; part of the saga's primary key and of every command's headers. */
  readonly name: string;
  /** Subject the participants reply to, e.g. `mallbots.cosec.replies.CreateOrder`. */
  readonly replyChannel: string;
  readonly steps: readonly SagaStep<Data>[];
  /** Sends of one compensation command before the saga is marked `failed` (fixes #30). */
  readonly maxCompensationAttempts: number;
}

export const DEFAULT_STEP_TIMEOUT_MS = 30_000;
export const DEFAULT_MAX_COMPENSATION_ATTEMPTS = 3;

/**
 * The next step, from `from` in the current direction, that has something to send (an action going forward, a
 * compensation going backwards); undefined when none is left, i.e. the saga is done. Fixes the reference's
 * latent step-walk bug (§5.2), which kept the last *inspected* step even when it was not invocable.
 */
export function nextInvocableStep<Data>(steps: readonly SagaStep<Data>[], from: number, compensating: boolean): SagaStep<Data> | undefined {
  const direction = compensating ? -1 : 1;
  for (let i = from + direction; i >= 0 && i < steps.length; i += direction) {
    const step = steps[i]!;
    if (compensating ? step.compensation : step.action) return step;
  }
  return undefined;
}
