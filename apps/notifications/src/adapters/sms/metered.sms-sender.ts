import { Counter, register } from 'prom-client';
import type { Sms, SmsSender } from '../../application/ports/sms-sender.port.js';

/**
 * Counts what any SMS adapter does (T07), as a decorator so adapters stay about their vendor:
 * `notifications_sms_sent_count` and `notifications_sms_send_failures_count` (a growing failure count is the
 * provider-outage alert; the rows stay pending and are retried).
 */
export class MeteredSmsSender implements SmsSender {
  private readonly sent = counter('notifications_sms_sent_count', 'SMS accepted by the provider');
  private readonly failures = counter('notifications_sms_send_failures_count', 'SMS sends the provider refused or that failed');

  constructor(private readonly inner: SmsSender) {}

  async send(sms: Sms): Promise<{ messageId: string }> {
    try {
      const result = await this.inner.send(sms);
      this.sent.inc();
      return result;
    } catch (err) {
      this.failures.inc();
      throw err;
    }
  }
}

/** Created once per process registry: a second service instance in one test process reuses it. */
function counter(name: string, help: string): Counter {
  return (register.getSingleMetric(name) as Counter | undefined) ?? new Counter({ name, help });
}
