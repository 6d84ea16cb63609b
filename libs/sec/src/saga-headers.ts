import { commandHeaders as routingHeaders, Header, type Headers, type IncomingMessage } from '@mallbots/am';

/**
 * Headers the orchestrator adds to every command on top of am's COMMAND_REPLY_CHANNEL / COMMAND_SAGA_ID /
 * COMMAND_SAGA_NAME. The command-handler reply protocol copies every `COMMAND_*` header back as `REPLY_*`
 * (reference-behaviour §4.4, requirements §2.10 item 6), so a reply names exactly which send it answers: the step,
 * the direction and the attempt. That is how duplicates, late replies after a timeout and replies after `done`
 * are recognised and ignored (fixes #32).
 */
export const SagaHeader = {
  CommandStep: 'COMMAND_SAGA_STEP',
  CommandCompensating: 'COMMAND_SAGA_COMPENSATING',
  CommandAttempt: 'COMMAND_SAGA_ATTEMPT',
  ReplyStep: 'REPLY_SAGA_STEP',
  ReplyCompensating: 'REPLY_SAGA_COMPENSATING',
  ReplyAttempt: 'REPLY_SAGA_ATTEMPT',
} as const;

/** Which command send a reply answers. */
export interface ReplyAddress {
  readonly sagaId: string;
  readonly sagaName: string;
  readonly step: number;
  readonly compensating: boolean;
  readonly attempt: number;
  readonly success: boolean;
  /** The participant's reason (REPLY_ERROR), when it sent one. */
  readonly error?: string;
}

export function commandHeaders(args: {
  replyChannel: string;
  sagaId: string;
  sagaName: string;
  step: number;
  compensating: boolean;
  attempt: number;
  causationId: string;
}): Headers {
  return {
    ...routingHeaders({ replyChannel: args.replyChannel, sagaId: args.sagaId, sagaName: args.sagaName }),
    [SagaHeader.CommandStep]: String(args.step),
    [SagaHeader.CommandCompensating]: String(args.compensating),
    [SagaHeader.CommandAttempt]: String(args.attempt),
    // The saga id is the business correlation (cosec uses the order id, fixing #32's message-id correlation).
    [Header.CorrelationId]: args.sagaId,
    [Header.CausationId]: args.causationId,
  };
}

/**
 * Reads the saga address of a reply. Undefined when any part is missing or malformed: such a reply cannot be
 * matched to a send, so it is dropped (the step's deadline still guarantees progress).
 */
export function readReplyAddress(message: IncomingMessage): ReplyAddress | undefined {
  const h = message.headers;
  const sagaId = h[Header.ReplySagaId];
  const sagaName = h[Header.ReplySagaName];
  const step = parseNonNegativeInt(h[SagaHeader.ReplyStep]);
  const attempt = parseNonNegativeInt(h[SagaHeader.ReplyAttempt]);
  const compensating = h[SagaHeader.ReplyCompensating];
  if (!sagaId || !sagaName || step === undefined || attempt === undefined) return undefined;
  if (compensating !== 'true' && compensating !== 'false') return undefined;
  return {
    sagaId,
    sagaName,
    step,
    attempt,
    compensating: compensating === 'true',
    // As in the reference, anything but an explicit SUCCESS is a failure.
    success: h[Header.ReplyOutcome] === 'SUCCESS',
    error: h[Header.ReplyError] || undefined,
  };
}

function parseNonNegativeInt(value: string | undefined): number | undefined {
  if (value === undefined || !/^\d+$/.test(value)) return undefined;
  return Number(value);
}
