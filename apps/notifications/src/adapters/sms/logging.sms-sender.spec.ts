import { jest } from '@jest/globals';
import { Logger } from '@nestjs/common';
import { LoggingSmsSender } from './logging.sms-sender.js';

describe('LoggingSmsSender', () => {
  it('writes one structured line per SMS and answers a message id, as a provider would', async () => {
    const log = jest.spyOn(Logger.prototype, 'log').mockImplementation(() => undefined);
    try {
      const { messageId } = await new LoggingSmsSender().send({ idempotencyKey: 'n1', to: '555-0100', text: 'Hi Ann' });
      expect(messageId).toMatch(/^log-[0-9a-f-]{36}$/);
      expect(log.mock.calls).toEqual([[{ event: 'sms.sent', to: '555-0100', text: 'Hi Ann', idempotencyKey: 'n1', messageId, msg: 'SMS to 555-0100' }]]);
    } finally {
      log.mockRestore();
    }
  });
});
