/**
 * A message that can never be handled, however often it is redelivered: an envelope that does not decode, a
 * payload that does not match its registered type, a command without a reply channel. Brokers dead-letter it at
 * once instead of spending every redelivery on it (reference-behaviour §14.2 #23) and never crash on it (#22).
 */
export class MalformedMessageError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'MalformedMessageError';
  }
}

export function isMalformedMessageError(err: unknown): err is MalformedMessageError {
  return err instanceof MalformedMessageError;
}
