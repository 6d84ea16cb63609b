import { describe, expect, it } from '@jest/globals';
import { decodeEnvelope, encodeEnvelope } from './envelope.js';
import { MessageData, StreamMessage } from './generated/mallbots/am/v1/envelope.js';
import { MalformedMessageError } from './malformed-message.error.js';
import type { Message } from './message.js';

const message: Message = {
  id: '5b7f4c1e-1111-4a4a-8b8b-000000000001',
  name: 'storesapi.StoreCreated',
  subject: 'mallbots.stores.events.Store',
  payload: new Uint8Array([10, 3, 97, 98, 99, 0, 255]),
  headers: { 'correlation-id': 'corr', traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01', COMMAND_SAGA_ID: 'saga' },
  occurredAt: new Date('2024-02-03T04:05:06.789Z'),
};

describe('envelope', () => {
  it('round-trips every field of a message', () => {
    const sentAt = new Date('2024-02-03T04:05:07.001Z');
    const decoded = decodeEnvelope(encodeEnvelope(message, sentAt), message.subject);
    expect(decoded).toEqual({ ...message, sentAt });
    expect(decoded.payload).toBeInstanceOf(Uint8Array);
  });

  it('round-trips an empty payload and no headers (the generic replies)', () => {
    const empty = { ...message, name: 'am.Success', payload: new Uint8Array(), headers: {} };
    expect(decodeEnvelope(encodeEnvelope(empty, new Date(0)), message.subject)).toMatchObject({ payload: new Uint8Array(), headers: {} });
  });

  it('decodes a body built the reference way, field by field (§4.3), keeping non-string metadata as JSON text', () => {
    const data = MessageData.encode({ payload: Buffer.from([1, 2, 3]), occurredAt: new Date('2023-01-01T00:00:00Z') }).finish();
    const body = StreamMessage.encode({
      id: 'ref-id',
      name: 'depotapi.CreatedShoppingListReply',
      data: Buffer.from(data),
      metadata: { REPLY_OUTCOME: 'SUCCESS', COMMAND_SAGA_ID: 'saga-1', 'aggregate-version': 3, nested: { a: true } },
      sentAt: new Date('2023-01-01T00:00:01Z'),
    }).finish();

    expect(decodeEnvelope(body, 'mallbots.cosec.replies.CreateOrder')).toEqual({
      id: 'ref-id',
      name: 'depotapi.CreatedShoppingListReply',
      subject: 'mallbots.cosec.replies.CreateOrder',
      payload: new Uint8Array([1, 2, 3]),
      headers: { REPLY_OUTCOME: 'SUCCESS', COMMAND_SAGA_ID: 'saga-1', 'aggregate-version': '3', nested: '{"a":true}' },
      occurredAt: new Date('2023-01-01T00:00:00Z'),
      sentAt: new Date('2023-01-01T00:00:01Z'),
    });
  });

  it('rejects bytes that are not a StreamMessage as malformed', () => {
    expect(() => decodeEnvelope(new Uint8Array([0xff, 0xff, 0xff]), 's')).toThrow(MalformedMessageError);
  });

  it.each([
    ['id', { name: 'x.Y' }],
    ['name', { id: 'some-id' }],
  ])('rejects a body without %s as malformed', (missing, fields) => {
    const body = StreamMessage.encode(StreamMessage.fromPartial(fields)).finish();
    expect(() => decodeEnvelope(body, 's')).toThrow(new MalformedMessageError(`message on s has no ${missing}`));
  });
});
