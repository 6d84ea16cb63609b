import { NotificationKinds, notificationText, SMS_SEGMENT } from './notification-kind.js';

const orderId = '0f8fad5b-d9cb-469f-a165-70867728950e';
// The GSM 03.38 basic alphabet (no escapes): anything else turns the SMS into UCS-2 with 70 characters a segment.
const gsm7 = /^[@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&'()*+,\-./0-9:;<=>?¡A-ZÄÖÑÜ§¿a-zäöñüà]*$/;

describe('notification texts', () => {
  it.each([
    ['order_created', `Hi John, we received your order ${orderId}. We will text you when it is ready for pickup.`],
    ['order_ready', `Hi John, your order ${orderId} is ready for pickup at the MallBots depot.`],
    ['order_canceled', `Hi John, your order ${orderId} has been canceled.`],
    ['order_rejected', `Hi John, sorry, we could not accept your order ${orderId}. It will not be shopped.`],
  ] as const)('%s', (kind, text) => {
    expect(notificationText(kind, orderId, 'John')).toBe(text);
  });

  it('greets without a name when the cache does not know it yet', () => {
    expect(notificationText('order_ready', orderId)).toBe(`Hi, your order ${orderId} is ready for pickup at the MallBots depot.`);
    expect(notificationText('order_ready', orderId, '   ')).toMatch(/^Hi, /);
  });

  it('fits every text in one GSM-7 segment, even with a long name', () => {
    const longName = 'Bartholomew Alexander Fitzgerald-Montgomery the Third';
    for (const kind of NotificationKinds) {
      const text = notificationText(kind, orderId, longName);
      expect(text.length).toBeLessThanOrEqual(SMS_SEGMENT);
      expect(text).toMatch(gsm7);
      expect(text).toContain('Hi Bartholomew Alexander Fi, ');
    }
  });
});
