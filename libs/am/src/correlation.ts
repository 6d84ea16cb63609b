import { Header, type Headers, type Message } from './message.js';

/**
 * Correlation headers for a message sent because `incoming` was handled (T10): the correlation id stays constant
 * along a whole flow (it starts as the first message's id), the causation id names the direct cause.
 */
export function causedBy(incoming: Message): Headers {
  return {
    [Header.CorrelationId]: incoming.headers[Header.CorrelationId] ?? incoming.id,
    [Header.CausationId]: incoming.id,
  };
}
