// Wire-compatibility tests: each payload is encoded and compared with bytes written out by hand from the
// reference's field numbers and types (reference-behaviour §3, §4.1). A renumbered or retyped field, or a renamed
// nested type, changes the bytes and fails here, even though the TypeScript still compiles.
//
// Byte notation: a field's key is (number << 3) | wire type, wire type 0 = varint (bool, int32, int64), 1 = 64-bit
// (double, little-endian IEEE 754), 2 = length-delimited (string, bytes, nested message). E.g. `12 01 6e` is
// field 2, length 1, "n"; `29 …8 bytes…` is field 5 as a double.
import { describe, expect, it } from '@jest/globals';
import * as baskets from './baskets.js';
import * as customers from './customers.js';
import * as depot from './depot.js';
import type { ContractContext } from './index.js';
import * as notifications from './notifications.js';
import * as ordering from './ordering.js';
import * as payments from './payments.js';
import * as search from './search.js';
import * as stores from './stores.js';

interface Codec<T> {
  encode(message: T): { finish(): Uint8Array };
  decode(input: Uint8Array): T;
}

interface WireCase<T = unknown> {
  type: string;
  codec: Codec<T>;
  value: T;
  bytes: string;
}

const wire = <T>(type: string, codec: Codec<T>, value: T, bytes: string): WireCase => ({ type, codec, value, bytes }) as WireCase;

// Doubles used below, little-endian: 1 = 00 00 00 00 00 00 f0 3f, 1.5 = … f8 3f, 2 = … 00 40, 3 = … 08 40,
// 4 = … 10 40, -0.5 = … e0 bf.
const cases: Record<ContractContext, WireCase[]> = {
  stores: [
    wire('StoreCreated', stores.StoreCreated, { id: 's', name: 'n', location: 'l' }, '0a 01 73 12 01 6e 1a 01 6c'),
    wire('StoreParticipationToggled', stores.StoreParticipationToggled, { id: 's', participating: true }, '0a 01 73 10 01'),
    wire(
      'ProductAdded',
      stores.ProductAdded,
      { id: 'p', storeId: 's', name: 'n', description: 'd', sku: 'k', price: 2 },
      '0a 01 70 12 01 73 1a 01 6e 22 01 64 2a 01 6b 31 00 00 00 00 00 00 00 40',
    ),
    wire('ProductRebranded', stores.ProductRebranded, { id: 'p', name: 'n', description: 'd' }, '0a 01 70 12 01 6e 1a 01 64'),
    wire('ProductPriceChanged', stores.ProductPriceChanged, { id: 'p', delta: -0.5 }, '0a 01 70 11 00 00 00 00 00 00 e0 bf'),
  ],
  baskets: [
    wire('BasketStarted', baskets.BasketStarted, { id: 'b', customerId: 'c' }, '0a 01 62 12 01 63'),
    wire(
      'BasketCheckedOut',
      baskets.BasketCheckedOut,
      {
        id: 'b',
        customerId: 'c',
        paymentId: 'p',
        items: [{ storeId: 's', productId: 'p', storeName: 'S', productName: 'P', price: 1.5, quantity: 2 }],
      },
      // items (field 4) holds 0x17 = 23 bytes: four strings, price as field 5 (double), quantity as field 6 (varint).
      '0a 01 62 12 01 63 1a 01 70 22 17  0a 01 73 12 01 70 1a 01 53 22 01 50 29 00 00 00 00 00 00 f8 3f 30 02',
    ),
    // The API's AddItemRequest skips number 2: product_id is 3, quantity 4.
    wire('AddItemRequest', baskets.AddItemRequest, { id: 'b', productId: 'p', quantity: 1 }, '0a 01 62 1a 01 70 20 01'),
  ],
  customers: [
    wire('CustomerRegistered', customers.CustomerRegistered, { id: 'c', name: 'n', smsNumber: '5' }, '0a 01 63 12 01 6e 1a 01 35'),
    wire('CustomerSmsChanged', customers.CustomerSmsChanged, { id: 'c', smsNumber: '5' }, '0a 01 63 12 01 35'),
    wire('AuthorizeCustomer', customers.AuthorizeCustomer, { id: 'c' }, '0a 01 63'),
  ],
  depot: [
    wire('ShoppingListCompleted', depot.ShoppingListCompleted, { id: 'l', orderId: 'o' }, '0a 01 6c 12 01 6f'),
    wire(
      'CreateShoppingList',
      depot.CreateShoppingList,
      { orderId: 'o', items: [{ productId: 'p', storeId: 's', quantity: 3 }] },
      '0a 01 6f 12 08  0a 01 70 12 01 73 18 03',
    ),
    wire('CreatedShoppingList', depot.CreatedShoppingList, { id: 'l' }, '0a 01 6c'),
  ],
  ordering: [
    wire(
      'OrderCreated',
      ordering.OrderCreated,
      { id: 'o', customerId: 'c', paymentId: 'p', shoppingId: 'l', items: [{ productId: 'p', storeId: 's', price: 1.5, quantity: 2 }] },
      // The nested item numbers price 3 (double) and quantity 4, unlike the API's orderingpb.Item.
      '0a 01 6f 12 01 63 1a 01 70 22 01 6c 2a 11  0a 01 70 12 01 73 19 00 00 00 00 00 00 f8 3f 20 02',
    ),
    wire('OrderReadied', ordering.OrderReadied, { id: 'o', customerId: 'c', paymentId: 'p', total: 3 }, '0a 01 6f 12 01 63 1a 01 70 21 00 00 00 00 00 00 08 40'),
    wire('OrderCompleted', ordering.OrderCompleted, { id: 'o', customerId: 'c', invoiceId: 'i' }, '0a 01 6f 12 01 63 1a 01 69'),
    wire('ApproveOrder', ordering.ApproveOrder, { id: 'o', shoppingId: 'l' }, '0a 01 6f 12 01 6c'),
  ],
  payments: [
    wire('InvoicePaid', payments.InvoicePaid, { id: 'i', orderId: 'o' }, '0a 01 69 12 01 6f'),
    // The reference's ConfirmPayment: no customer id (field 3, ours) on the wire, so it decodes as '' ("not given").
    wire('ConfirmPayment', payments.ConfirmPayment, { id: 'p', amount: 4, customerId: '' }, '0a 01 70 11 00 00 00 00 00 00 10 40'),
    // With the customer of the order (field 3, a string; additive): the reference's bytes, then `1a 01 63`.
    wire('ConfirmPayment with customer_id', payments.ConfirmPayment, { id: 'p', amount: 4, customerId: 'c' }, '0a 01 70 11 00 00 00 00 00 00 10 40 1a 01 63'),
  ],
  // notifications and search publish no integration messages: their API messages stand in.
  notifications: [wire('NotifyOrderCreatedRequest', notifications.NotifyOrderCreatedRequest, { orderId: 'o', customerId: 'c' }, '0a 01 6f 12 01 63')],
  search: [
    wire(
      'Order_Item',
      search.Order_Item,
      { productId: 'p', storeId: 's', productName: 'P', storeName: 'S', price: 1, quantity: 5 },
      // quantity is an int64 (varint like int32, but a different proto type; JSON clients see a string).
      '0a 01 70 12 01 73 1a 01 50 22 01 53 29 00 00 00 00 00 00 f0 3f 30 05',
    ),
    wire(
      'SearchOrdersRequest',
      search.SearchOrdersRequest,
      {
        filters: {
          customerId: '',
          after: { seconds: 1, nanos: 0 },
          before: undefined,
          storeIds: [],
          productIds: [],
          minTotal: 0,
          maxTotal: 0,
          status: '',
        },
        next: '',
        limit: 10,
      },
      // filters (1) holds after (2), a google.protobuf.Timestamp with seconds (1) = 1; limit (3) = 10.
      '0a 04  12 02  08 01  18 0a',
    ),
  ],
};

const hex = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex');
const fromHex = (spaced: string): Uint8Array => new Uint8Array(Buffer.from(spaced.replace(/\s+/g, ''), 'hex'));

describe.each(Object.entries(cases))('%s payloads on the wire', (_context, contextCases) => {
  it.each(contextCases.map((c) => [c.type, c] as const))('%s encodes with the reference field numbers and types', (_type, c) => {
    expect(hex(c.codec.encode(c.value).finish())).toBe(hex(fromHex(c.bytes)));
  });

  it.each(contextCases.map((c) => [c.type, c] as const))('%s decodes the reference bytes', (_type, c) => {
    expect(c.codec.decode(fromHex(c.bytes))).toEqual(c.value);
  });
});

describe('proto3 defaults', () => {
  it('leave zero values off the wire, as the reference (Go) encoder does', () => {
    expect(stores.StoreCreated.encode({ id: '', name: '', location: '' }).finish()).toHaveLength(0);
  });

  it('skip unknown fields when decoding, so a newer producer does not break an older consumer', () => {
    // StoreCreated followed by field 15 (varint 7), which this version does not know.
    expect(stores.StoreCreated.decode(fromHex('0a 01 73 78 07'))).toEqual({ id: 's', name: '', location: '' });
  });
});
