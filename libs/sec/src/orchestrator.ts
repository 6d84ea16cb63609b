import { decodePayload, type IncomingMessage, type Message, type MessageHandler, type MessagePublisher, type MessageRegistry } from '@mallbots/am';
import { newId } from '@mallbots/ddd';
import { trace } from '@opentelemetry/api';
import type { TransactionRunner } from '@mallbots/tm/sql';
import { nextInvocableStep, type SagaDefinition, type SagaStep } from './saga-definition.js';
import { commandHeaders, readReplyAddress, type ReplyAddress } from './saga-headers.js';
import { SagaMetrics, type SagaOutcome } from './saga-metrics.js';
import type { SagaInstance, SagaListFilter, SagaStore } from './saga-store.port.js';

export interface SagaLogger {
  debug(message: string, context?: Record<string, unknown>): void;
  warn(message: string, context?: Record<string, unknown>): void;
}

export interface SagaOrchestratorOptions<Data> {
  definition: SagaDefinition<Data>;
  store: SagaStore;
  /** In services: libs/tm's outbox writer, so commands commit with the saga row. */
  publisher: MessagePublisher;
  /** Serialises commands and decodes the replies that have a reply handler. */
  registry: MessageRegistry;
  tx: TransactionRunner;
  /** Source of "now" for deadlines and timestamps; tests inject one to drive timeouts without sleeping. */
  clock?: () => Date;
  metrics?: SagaMetrics;
  logger?: SagaLogger;
}

export interface StartOptions {
  /** Id of the message that triggered the saga (e.g. OrderCreated), the first command's causation id. */
  causationId?: string;
}

type Draft<Data> = { -readonly [K in keyof SagaInstance<Data>]: SagaInstance<Data>[K] };

/** What a transition produced: the command to send (if any) and the outcome if the saga just ended. */
interface Transition {
  command?: Message;
  ended?: SagaOutcome;
}

const noopLogger: SagaLogger = { debug: () => undefined, warn: () => undefined };

/**
 * Runs instances of one saga definition (reference-behaviour §5.2, with defects #29–#32 fixed). Every state change
 * runs inside `tx.run`, joining the caller's transaction, so the reply's inbox row, the saga row and the next
 * command's outbox row commit or roll back together.
 */
export class SagaOrchestrator<Data> {
  private readonly definition: SagaDefinition<Data>;
  private readonly store: SagaStore;
  private readonly publisher: MessagePublisher;
  private readonly registry: MessageRegistry;
  private readonly tx: TransactionRunner;
  private readonly clock: () => Date;
  private readonly metrics: SagaMetrics;
  private readonly logger: SagaLogger;

  constructor(options: SagaOrchestratorOptions<Data>) {
    this.definition = options.definition;
    this.store = options.store;
    this.publisher = options.publisher;
    this.registry = options.registry;
    this.tx = options.tx;
    this.clock = options.clock ?? (() => new Date());
    this.metrics = options.metrics ?? new SagaMetrics();
    this.logger = options.logger ?? noopLogger;
  }

  get name(): string {
    return this.definition.name;
  }

  get replyChannel(): string {
    return this.definition.replyChannel;
  }

  /**
   * Starts saga `id` (the caller chooses it; cosec uses the order id so saga, order and messages correlate, #32)
   * and sends the first action's command. Throws, writing nothing, when that command cannot be built (fixes #29).
   * Starting an id that exists is a no-op returning the existing instance: a redelivered trigger is harmless.
   */
  async start(id: string, data: Data, options: StartOptions = {}): Promise<SagaInstance<Data>> {
    const now = this.clock();
    const draft: Draft<Data> = {
      id,
      name: this.definition.name,
      data,
      step: -1,
      compensating: false,
      done: false,
      status: 'running',
      deadlineAt: null,
      attempts: 0,
      attemptBudgetFrom: 1,
      lastError: null,
      createdAt: now,
      updatedAt: now,
    };
    // Built before any write so an action that throws leaves nothing behind (and the trigger is redelivered).
    const transition = this.proceed(draft, now, options.causationId ?? id, true);
    const started = await this.tx.run(async () => {
      if (!(await this.store.insert(draft))) {
        this.logger.debug('saga already started; start ignored', { sagaId: id, sagaName: this.name });
        return { saga: (await this.get(id))!, isNew: false };
      }
      if (transition.command) await this.publisher.publish([transition.command]);
      traceStep(draft);
      return { saga: draft as SagaInstance<Data>, isNew: true };
    });
    if (started.isNew && transition.ended) this.metrics.ended(this.name, transition.ended);
    return started.saga;
  }

  /**
   * Handles a reply on the saga's reply channel. Replies for another saga, for an unknown instance, or that do
   * not answer the outstanding command (duplicates, late replies after a timeout, replies after done) are
   * ignored and acked. Throws (so the message is redelivered) only for infrastructure errors or a throwing
   * reply handler.
   */
  readonly handleReply: MessageHandler = async (message: IncomingMessage) => {
    const address = readReplyAddress(message);
    if (!address || address.sagaName !== this.name) {
      if (!address) this.logger.warn('reply without a complete saga address ignored', { messageId: message.id, name: message.name });
      return;
    }
    const ended = await this.tx.run(async () => {
      const saga = (await this.store.loadForUpdate(this.name, address.sagaId)) as SagaInstance<Data> | undefined;
      if (!saga || !answersOutstandingCommand(saga, address)) {
        trace.getActiveSpan()?.addEvent('Ignored saga reply', { 'saga.id': address.sagaId, 'saga.name': address.sagaName, 'saga.step': address.step });
        this.logger.debug('reply does not answer the outstanding saga command; ignored', { messageId: message.id, ...address, saga });
        return undefined;
      }
      const now = this.clock();
      const draft: Draft<Data> = { ...saga, updatedAt: now };
      const transition = address.success
        ? this.succeed(draft, message, now)
        : this.stepFailed(draft, address.error ?? `${message.name} (no reason given) for step ${saga.step}`, now, message.id);
      await this.persist(draft, transition);
      return transition.ended;
    });
    if (ended) this.metrics.ended(this.name, ended);
  };

  /**
   * Treats every active saga whose outstanding command passed its deadline like a FAILURE reply for that step
   * (the reference has no timeouts). Claims at most `limit` sagas with FOR UPDATE SKIP LOCKED in one
   * transaction, so concurrent sweepers never handle a saga twice. Returns how many sagas it handled.
   */
  async processTimeouts(now: Date = this.clock(), limit = 100): Promise<number> {
    try {
      const ended = await this.tx.run(async () => {
        const expired = (await this.store.claimExpired(this.name, now, limit)) as SagaInstance<Data>[];
        const outcomes: (SagaOutcome | undefined)[] = [];
        for (const saga of expired) outcomes.push(await this.timeOut(saga, now));
        return outcomes;
      });
      this.recordTimeouts(ended);
      return ended.length;
    } catch (err) {
      // One saga that cannot be processed would roll back the whole batch and be claimed first again by every later
      // sweep, blocking all other timeouts for good. One by one, it is found and parked as failed.
      this.logger.warn('saga timeout batch failed; retrying one saga at a time', { sagaName: this.name, error: errorText(err) });
      return this.processTimeoutsOneByOne(now, limit);
    }
  }

  private async processTimeoutsOneByOne(now: Date, limit: number): Promise<number> {
    let handled = 0;
    while (handled < limit) {
      let claimed: SagaInstance<Data> | undefined;
      try {
        const ended = await this.tx.run(async () => {
          claimed = ((await this.store.claimExpired(this.name, now, 1)) as SagaInstance<Data>[])[0];
          return claimed ? [await this.timeOut(claimed, now)] : [];
        });
        if (!claimed) break;
        this.recordTimeouts(ended);
      } catch (err) {
        if (!claimed) throw err; // the claim itself failed: the database is the problem, not a saga
        await this.parkBroken(claimed.id, now, err);
      }
      handled++;
    }
    return handled;
  }

  private async timeOut(saga: SagaInstance<Data>, now: Date): Promise<SagaOutcome | undefined> {
    const step = this.stepAt(saga.step);
    const what = saga.compensating ? 'compensation' : 'action';
    const reason = `${what} of step ${saga.step} got no reply within ${step.timeoutMs} ms (attempt ${saga.attempts})`;
    const draft: Draft<Data> = { ...saga, updatedAt: now };
    // No message caused this transition; the saga id keeps the command correlated.
    const transition = this.stepFailed(draft, reason, now, saga.id);
    await this.persist(draft, transition);
    return transition.ended;
  }

  /** A saga whose timeout cannot be processed becomes `failed` (no deadline, so never claimed again) for an operator. */
  private async parkBroken(id: string, now: Date, cause: unknown): Promise<void> {
    const parked = await this.tx.run(async () => {
      const saga = (await this.store.loadForUpdate(this.name, id)) as SagaInstance<Data> | undefined;
      if (!saga || saga.done) return false;
      const draft: Draft<Data> = { ...saga, updatedAt: now };
      this.fail(draft, `its step timeout could not be processed: ${errorText(cause)}`);
      await this.store.update(draft);
      return true;
    });
    if (parked) this.metrics.ended(this.name, 'failed');
  }

  private recordTimeouts(ended: readonly (SagaOutcome | undefined)[]): void {
    for (const outcome of ended) {
      this.metrics.stepTimedOut(this.name);
      if (outcome) this.metrics.ended(this.name, outcome);
    }
  }

  async get(id: string): Promise<SagaInstance<Data> | undefined> {
    return (await this.store.get(this.name, id)) as SagaInstance<Data> | undefined;
  }

  /** For operators, e.g. `list({ status: 'failed' })`: sagas whose compensation needs a human. */
  async list(filter: SagaListFilter = {}): Promise<SagaInstance<Data>[]> {
    return (await this.store.list(this.name, filter)) as SagaInstance<Data>[];
  }

  /**
   * Operator action for a `failed` saga, once the cause is fixed (e.g. the participant is repaired): sends the
   * failed compensation again with a fresh attempt budget and resumes compensating. Returns false, changing
   * nothing, when the saga does not exist or is not failed.
   */
  async resumeCompensation(id: string, operatorNote = 'resumed by an operator'): Promise<boolean> {
    const resumed = await this.tx.run(async () => {
      const saga = (await this.store.loadForUpdate(this.name, id)) as SagaInstance<Data> | undefined;
      if (saga?.status !== 'failed') return undefined;
      const now = this.clock();
      // A fresh retry budget, but a new attempt number: replies to the sends before the resume must not match.
      const attempt = saga.attempts + 1;
      const draft: Draft<Data> = { ...saga, done: false, attempts: attempt, attemptBudgetFrom: attempt, lastError: `${saga.lastError} (${operatorNote})`, updatedAt: now };
      const step = this.stepAt(draft.step);
      let transition: Transition;
      try {
        transition = { command: this.command(draft, step, now, id) };
      } catch (err) {
        transition = this.fail(draft, `compensation of step ${step.index} could not be built: ${errorText(err)}`);
      }
      await this.persist(draft, transition);
      return transition;
    });
    if (resumed?.ended) this.metrics.ended(this.name, resumed.ended);
    return resumed !== undefined && !resumed.ended;
  }

  private succeed(draft: Draft<Data>, message: IncomingMessage, now: Date): Transition {
    const step = this.stepAt(draft.step);
    const handler = (draft.compensating ? step.compensationReplies : step.actionReplies).get(message.name);
    // Only SUCCESS replies reach a handler: a failure reply must not record data (fixes #31).
    if (handler) draft.data = handler(draft.data, this.decode(message), message);
    return this.proceed(draft, now, message.id, false);
  }

  /** A failure reply or a timeout for the outstanding command. */
  private stepFailed(draft: Draft<Data>, reason: string, now: Date, causationId: string): Transition {
    draft.lastError = reason;
    if (!draft.compensating) {
      // The failed step's own compensation is not run (its action did not succeed): walk back from the step below.
      draft.compensating = true;
      return this.proceed(draft, now, causationId, false);
    }
    // Fixes #30: a failing compensation is retried a bounded number of times, then the saga is marked failed
    // instead of staying stuck. Compensations must therefore be idempotent at the participant.
    const used = draft.attempts - draft.attemptBudgetFrom + 1;
    if (used < this.definition.maxCompensationAttempts) {
      draft.attempts += 1;
      const step = this.stepAt(draft.step);
      try {
        return { command: this.command(draft, step, now, causationId) };
      } catch (err) {
        return this.fail(draft, `compensation of step ${step.index} could not be built: ${errorText(err)}`);
      }
    }
    return this.fail(draft, `${reason}; compensation of step ${draft.step} gave up after ${used} attempts`);
  }

  /**
   * Moves to the next invocable step in the current direction and builds its command, or ends the saga when none
   * is left. An action that cannot be built fails its step like a failure reply would (start rethrows instead,
   * #29); a compensation that cannot be built marks the saga failed.
   */
  private proceed(draft: Draft<Data>, now: Date, causationId: string, rethrow: boolean): Transition {
    for (;;) {
      const step = nextInvocableStep(this.definition.steps, draft.step, draft.compensating);
      if (!step) return this.finish(draft);
      draft.step = step.index;
      draft.attempts = 1;
      draft.attemptBudgetFrom = 1;
      try {
        return { command: this.command(draft, step, now, causationId) };
      } catch (err) {
        if (rethrow) throw err;
        const what = draft.compensating ? 'compensation' : 'action';
        const reason = `${what} of step ${step.index} could not be built: ${errorText(err)}`;
        if (draft.compensating) return this.fail(draft, reason);
        draft.compensating = true;
        draft.lastError = reason;
      }
    }
  }

  private command(draft: Draft<Data>, step: SagaStep<Data>, now: Date, causationId: string): Message {
    const factory = draft.compensating ? step.compensation! : step.action!;
    const command = factory(draft.data);
    const message: Message = {
      id: newId(), // a fresh id per send: the participant's inbox would drop a retried compensation reusing one
      name: command.name,
      subject: command.subject,
      payload: this.registry.serialize(command.name, command.payload),
      headers: commandHeaders({
        replyChannel: this.definition.replyChannel,
        sagaId: draft.id,
        sagaName: this.definition.name,
        step: step.index,
        compensating: draft.compensating,
        attempt: draft.attempts,
        causationId,
      }),
      occurredAt: now,
    };
    draft.status = draft.compensating ? 'compensating' : 'running';
    draft.deadlineAt = new Date(now.getTime() + step.timeoutMs);
    return message;
  }

  private finish(draft: Draft<Data>): Transition {
    const outcome: SagaOutcome = draft.compensating ? 'compensated' : 'completed';
    draft.done = true;
    draft.status = outcome;
    draft.deadlineAt = null;
    return { ended: outcome };
  }

  private fail(draft: Draft<Data>, reason: string): Transition {
    draft.done = true;
    draft.status = 'failed';
    draft.deadlineAt = null;
    draft.lastError = reason;
    this.logger.warn('saga failed: a compensation could not be completed; operator action needed', { sagaId: draft.id, sagaName: this.name, reason });
    return { ended: 'failed' };
  }

  private async persist(draft: Draft<Data>, transition: Transition): Promise<void> {
    if (transition.command) await this.publisher.publish([transition.command]);
    await this.store.update(draft);
    traceStep(draft);
  }

  private stepAt(index: number): SagaStep<Data> {
    const step = this.definition.steps[index];
    // A row pointing past the definition means the definition changed under running sagas: a deployment bug.
    if (!step) throw new Error(`saga ${this.name} has no step ${index}`);
    return step;
  }

  private decode(message: IncomingMessage): unknown {
    // The generic am.Success/am.Failure replies carry no payload and need no codec; a registered reply that does not
    // decode is a MalformedMessageError (dead-lettered at once instead of retried).
    return this.registry.has(message.name) ? decodePayload(this.registry, message) : undefined;
  }
}

/** A reply answers the outstanding command only if it names the same step, direction and attempt (#32). */
function answersOutstandingCommand(saga: SagaInstance, address: ReplyAddress): boolean {
  return !saga.done && saga.step === address.step && saga.compensating === address.compensating && saga.attempts === address.attempt;
}

/** The reference's span event (requirements §2.15), on whatever span the inbox/handler middleware opened. */
function traceStep(saga: SagaInstance): void {
  trace.getActiveSpan()?.addEvent('Executing next saga step', {
    'saga.id': saga.id,
    'saga.name': saga.name,
    'saga.step': saga.step,
    'saga.compensating': saga.compensating,
    'saga.done': saga.done,
    'saga.status': saga.status,
  });
}

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
