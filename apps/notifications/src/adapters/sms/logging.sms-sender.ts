import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import type { Sms, SmsSender } from '../../application/ports/sms-sender.port.js';

/**
 * The SMS "provider" until a vendor is chosen (H05; the reference's send was a stub): one structured log line per
 * SMS (`event: "sms.sent"`, recipient, text, idempotency key, message id), at info level, and a message id as a
 * provider would return. A real adapter implements the same port and must settle within a bounded time (the
 * dispatcher holds its claim while it waits).
 */
@Injectable()
export class LoggingSmsSender implements SmsSender {
  private readonly logger = new Logger('Sms');

  async send(sms: Sms): Promise<{ messageId: string }> {
    const messageId = `log-${randomUUID()}`;
    this.logger.log({ event: 'sms.sent', to: sms.to, text: sms.text, idempotencyKey: sms.idempotencyKey, messageId, msg: `SMS to ${sms.to}` });
    return { messageId };
  }
}
