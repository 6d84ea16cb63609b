/**
 * What a customer is texted about (requirements 1.10, H01). Created, ready and canceled are the book's three. We add
 * `rejected`: the customer was already told the order was received, and the create-order saga can still reject it
 * (customer not authorized, shopping list or payment refused), after which it is never shopped; without a text they
 * would come to the depot for nothing. Approved and completed are deliberately silent: approval follows creation
 * within moments (a second text with nothing new), and completion happens at the depot counter, where the customer
 * is paying in person and gets the invoice.
 */
export const NotificationKinds = ['order_created', 'order_ready', 'order_canceled', 'order_rejected'] as const;
export type NotificationKind = (typeof NotificationKinds)[number];

export function isNotificationKind(value: string): value is NotificationKind {
  return (NotificationKinds as readonly string[]).includes(value);
}

/** One SMS segment (GSM-7) is 160 characters; every text fits in one, whatever the name. */
export const SMS_SEGMENT = 160;
const NAME_MAX = 24;

/** The text of each kind. Order ids are written out whole: the customer quotes them at the depot. */
export function notificationText(kind: NotificationKind, orderId: string, customerName?: string): string {
  const greeting = greetingFor(customerName);
  switch (kind) {
    case 'order_created':
      return `${greeting}we received your order ${orderId}. We will text you when it is ready for pickup.`;
    case 'order_ready':
      return `${greeting}your order ${orderId} is ready for pickup at the MallBots depot.`;
    case 'order_canceled':
      return `${greeting}your order ${orderId} has been canceled.`;
    case 'order_rejected':
      return `${greeting}sorry, we could not accept your order ${orderId}. It will not be shopped.`;
  }
}

function greetingFor(name: string | undefined): string {
  const first = name?.trim();
  if (!first) return 'Hi, ';
  // Cut, not ellipsised: '…' is not in the GSM-7 alphabet and would turn the SMS into a 70-character UCS-2 one.
  return `Hi ${first.slice(0, NAME_MAX).trimEnd()}, `;
}
