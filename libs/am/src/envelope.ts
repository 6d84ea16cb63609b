import { MessageData, StreamMessage } from './generated/mallbots/am/v1/envelope.js';
import { MalformedMessageError } from './malformed-message.error.js';
import type { Headers, Message } from './message.js';

/**
 * The wire body of every broker message (reference-behaviour §4.3): layer 1 StreamMessage{id, name, data,
 * metadata, sent_at}, layer 2 MessageData{payload, occurred_at}, layer 3 the registered type's encoding (already
 * in `message.payload`). Keeping the reference's layout lets its clients and recorded messages decode unchanged.
 */
export function encodeEnvelope(message: Message, sentAt: Date): Uint8Array {
  // Buffer views, not copies: the encoders only read the bytes.
  const data = MessageData.encode({ payload: asBuffer(message.payload), occurredAt: message.occurredAt }).finish();
  return StreamMessage.encode({
    id: message.id,
    name: message.name,
    data: asBuffer(data),
    metadata: { ...message.headers },
    sentAt,
  }).finish();
}

/** Decodes a wire body received on `subject`; anything that cannot be handled later is a MalformedMessageError. */
export function decodeEnvelope(bytes: Uint8Array, subject: string): Message {
  let stream: StreamMessage;
  let data: MessageData;
  try {
    stream = StreamMessage.decode(bytes);
    data = MessageData.decode(stream.data);
  } catch (err) {
    throw new MalformedMessageError(`message on ${subject} is not a StreamMessage: ${(err as Error).message}`, { cause: err });
  }
  if (!stream.id || !stream.name) throw new MalformedMessageError(`message on ${subject} has no ${stream.id ? 'name' : 'id'}`);
  return {
    id: stream.id,
    name: stream.name,
    subject,
    // A plain Uint8Array, not the decoder's Buffer view of the whole body: payloads are compared and re-encoded.
    payload: new Uint8Array(data.payload),
    headers: toHeaders(stream.metadata),
    // The reference always sets occurred_at; a missing one is read as "unknown" = the epoch rather than rejected.
    occurredAt: data.occurredAt ?? new Date(0),
    ...(stream.sentAt ? { sentAt: stream.sentAt } : {}),
  };
}

/**
 * The reference's metadata is a Struct of arbitrary JSON values (ddd.Metadata is map[string]any); ours are
 * strings. Non-string values from older producers are kept as their JSON text instead of failing the message.
 */
function toHeaders(metadata: Record<string, unknown> | undefined): Headers {
  const headers: Record<string, string> = {};
  for (const [key, value] of Object.entries(metadata ?? {})) {
    if (value === undefined || value === null) continue;
    headers[key] = typeof value === 'string' ? value : JSON.stringify(value);
  }
  return headers;
}

function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
