// What was texted to customers. MallBots' SMS adapter logs instead of calling a provider, and the notifications
// service keeps every text it composed (GET /api/notifications?orderId=…). That log plays the part of an SMS
// provider's sandbox, the place a test looks to see which messages went out.
//
// THE ONE EXCEPTION to "through the gateway only": the gateway deliberately does not route notifications (it has no
// public API), so this reads the notifications service on its own port, as an operator inside the cluster would.
// Nothing else in the specifications bypasses the gateway.
import { JsonClient } from '../../system/json-client.ts';

export interface Text {
  readonly kind: 'order_created' | 'order_ready' | 'order_canceled' | 'order_rejected';
  /** pending (waiting for the provider), sent, suppressed (customer disabled) or failed. */
  readonly status: string;
  readonly smsNumber: string;
  readonly text: string;
  readonly orderId: string;
  readonly customerId: string;
}

/** The sandbox's address book entry: the number notifications would text now, and whether texts are withheld. */
export interface Recipient {
  readonly customerId: string;
  readonly smsNumber?: string;
  readonly enabled: boolean;
}

export class SmsSandbox {
  private readonly client: JsonClient;

  constructor(notificationsUrl: string) {
    this.client = new JsonClient(notificationsUrl);
  }

  /** Every text about one order, newest first. */
  async textsAbout(orderId: string): Promise<Text[]> {
    const reply = await this.client.send('GET', `/api/notifications?orderId=${encodeURIComponent(orderId)}`);
    if (reply.status !== 200) throw new Error(`the SMS sandbox answered ${reply.status} ${JSON.stringify(reply.body)}`);
    return (reply.body as { notifications: Text[] }).notifications;
  }

  /**
   * Notifications' own copy of a customer (it follows customers' events asynchronously); undefined until it has
   * heard of the customer.
   */
  async recipient(customerId: string): Promise<Recipient | undefined> {
    const reply = await this.client.send('GET', `/api/notifications/recipients/${encodeURIComponent(customerId)}`);
    if (reply.status === 404) return undefined;
    if (reply.status !== 200) throw new Error(`the SMS sandbox answered ${reply.status} ${JSON.stringify(reply.body)}`);
    return reply.body as unknown as Recipient;
  }
}
