import type { Headers, Message } from '@mallbots/am';

/** The message columns shared by outbox and dead_letters. */
export interface MessageRow {
  message_id: string;
  name: string;
  subject: string;
  payload: Buffer;
  headers: Headers | null;
  occurred_at: Date;
}

export function messageFromRow(row: MessageRow): Message {
  return {
    id: row.message_id,
    name: row.name,
    subject: row.subject,
    payload: new Uint8Array(row.payload.buffer, row.payload.byteOffset, row.payload.byteLength),
    headers: row.headers ?? {},
    occurredAt: row.occurred_at,
  };
}

export function payloadBuffer(payload: Uint8Array): Buffer {
  return Buffer.from(payload.buffer, payload.byteOffset, payload.byteLength);
}
