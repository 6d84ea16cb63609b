import {
  DEFAULT_MAX_COMPENSATION_ATTEMPTS,
  DEFAULT_STEP_TIMEOUT_MS,
  type SagaCommandFactory,
  type SagaDefinition,
  type SagaReplyHandler,
  type SagaStep,
} from './saga-definition.js';

export interface SagaOptions {
  /** Default per-step timeout. Default 30 s. */
  stepTimeoutMs?: number;
  /** Sends of one compensation command before the saga is marked `failed`. Default 3. */
  maxCompensationAttempts?: number;
}

/** Describes one step; every method returns the builder so a step reads as one chain. */
export class SagaStepBuilder<Data> {
  private actionFn?: SagaCommandFactory<Data>;
  private compensationFn?: SagaCommandFactory<Data>;
  private readonly actionReplies = new Map<string, SagaReplyHandler<Data>>();
  private readonly compensationReplies = new Map<string, SagaReplyHandler<Data>>();
  private timeout?: number;

  action(fn: SagaCommandFactory<Data>): this {
    this.actionFn = fn;
    return this;
  }

  compensate(fn: SagaCommandFactory<Data>): this {
    this.compensationFn = fn;
    return this;
  }

  onActionReply<Reply>(replyName: string, fn: SagaReplyHandler<Data, Reply>): this {
    return this.addHandler(this.actionReplies, replyName, fn as SagaReplyHandler<Data>);
  }

  onCompensationReply<Reply>(replyName: string, fn: SagaReplyHandler<Data, Reply>): this {
    return this.addHandler(this.compensationReplies, replyName, fn as SagaReplyHandler<Data>);
  }

  timeoutMs(ms: number): this {
    if (!Number.isInteger(ms) || ms <= 0) throw new Error(`step timeout must be a positive integer of ms, got ${ms}`);
    this.timeout = ms;
    return this;
  }

  /** @internal */
  build(index: number, defaultTimeoutMs: number): SagaStep<Data> {
    if (!this.actionFn && !this.compensationFn) throw new Error(`saga step ${index} has neither an action nor a compensation`);
    if (!this.actionFn && this.actionReplies.size > 0) throw new Error(`saga step ${index} has action reply handlers but no action`);
    if (!this.compensationFn && this.compensationReplies.size > 0) throw new Error(`saga step ${index} has compensation reply handlers but no compensation`);
    return Object.freeze({
      index,
      action: this.actionFn,
      compensation: this.compensationFn,
      actionReplies: new Map(this.actionReplies),
      compensationReplies: new Map(this.compensationReplies),
      timeoutMs: this.timeout ?? defaultTimeoutMs,
    });
  }

  private addHandler(map: Map<string, SagaReplyHandler<Data>>, replyName: string, fn: SagaReplyHandler<Data>): this {
    if (map.has(replyName)) throw new Error(`reply handler for "${replyName}" already defined on this step`);
    map.set(replyName, fn);
    return this;
  }
}

/** Fluent saga definition: `defineSaga<D>(name, replyChannel).step((s) => s.compensate(…)).step(…).build()`. */
export class SagaBuilder<Data> {
  private readonly stepBuilders: SagaStepBuilder<Data>[] = [];

  constructor(
    private readonly name: string,
    private readonly replyChannel: string,
    private readonly options: SagaOptions = {},
  ) {}

  step(describe: (step: SagaStepBuilder<Data>) => SagaStepBuilder<Data>): this {
    this.stepBuilders.push(describe(new SagaStepBuilder<Data>()));
    return this;
  }

  build(): SagaDefinition<Data> {
    const defaultTimeoutMs = this.options.stepTimeoutMs ?? DEFAULT_STEP_TIMEOUT_MS;
    const maxCompensationAttempts = this.options.maxCompensationAttempts ?? DEFAULT_MAX_COMPENSATION_ATTEMPTS;
    if (!this.name || !this.replyChannel) throw new Error('a saga needs a name and a reply channel');
    if (!Number.isInteger(defaultTimeoutMs) || defaultTimeoutMs <= 0) throw new Error(`stepTimeoutMs must be a positive integer, got ${defaultTimeoutMs}`);
    if (!Number.isInteger(maxCompensationAttempts) || maxCompensationAttempts < 1) {
      throw new Error(`maxCompensationAttempts must be an integer ≥ 1, got ${maxCompensationAttempts}`);
    }
    return Object.freeze({
      name: this.name,
      replyChannel: this.replyChannel,
      steps: Object.freeze(this.stepBuilders.map((b, i) => b.build(i, defaultTimeoutMs))),
      maxCompensationAttempts,
    });
  }
}

export function defineSaga<Data>(name: string, replyChannel: string, options?: SagaOptions): SagaBuilder<Data> {
  return new SagaBuilder<Data>(name, replyChannel, options);
}
