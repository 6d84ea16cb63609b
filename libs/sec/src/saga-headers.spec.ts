import { describe, expect, it } from '@jest/globals';
import { Header, type IncomingMessage } from '@mallbots/am';
import { SagaHeader, readReplyAddress } from './saga-headers.js';

function reply(headers: Record<string, string>): IncomingMessage {
  const at = new Date();
  return { id: 'r', name: 'am.Success', subject: 's', payload: new Uint8Array(), headers, occurredAt: at, receivedAt: at, deliveryAttempt: 1, consumer: 'c' };
}

const complete = {
  [Header.ReplySagaId]: 'order-1',
  [Header.ReplySagaName]: 'test.Saga',
  [SagaHeader.ReplyStep]: '2',
  [SagaHeader.ReplyCompensating]: 'true',
  [SagaHeader.ReplyAttempt]: '3',
  [Header.ReplyOutcome]: 'SUCCESS',
};

describe('readReplyAddress', () => {
  it('reads the send a reply answers', () => {
    expect(readReplyAddress(reply(complete))).toEqual({ sagaId: 'order-1', sagaName: 'test.Saga', step: 2, compensating: true, attempt: 3, success: true, error: undefined });
  });

  it('treats anything but SUCCESS as a failure and carries the reason', () => {
    expect(readReplyAddress(reply({ ...complete, [Header.ReplyOutcome]: 'FAILURE', [Header.ReplyError]: 'no such list' }))).toMatchObject({ success: false, error: 'no such list' });
    expect(readReplyAddress(reply({ ...complete, [Header.ReplyOutcome]: '' }))).toMatchObject({ success: false });
  });

  it.each([
    [Header.ReplySagaId, ''],
    [Header.ReplySagaName, ''],
    [SagaHeader.ReplyStep, '-1'],
    [SagaHeader.ReplyStep, '1.5'],
    [SagaHeader.ReplyAttempt, 'x'],
    [SagaHeader.ReplyCompensating, 'yes'],
  ])('is undefined when %s is %j', (key, value) => {
    expect(readReplyAddress(reply({ ...complete, [key]: value }))).toBeUndefined();
  });
});
