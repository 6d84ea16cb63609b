// Every message name of the messaging catalogue (reference-behaviour §4.1) has a generated payload type with
// encode/decode in its context's integration-message module, and those modules hold nothing that is not in the
// catalogue. The generic replies am.Success and am.Failure have an empty payload and no type.
import { describe, expect, it } from '@jest/globals';
import * as baskets from './baskets.js';
import * as customers from './customers.js';
import * as depot from './depot.js';
import * as ordering from './ordering.js';
import * as payments from './payments.js';
import * as stores from './stores.js';

type Kind = 'event' | 'command' | 'reply';

// The integration-message module of each publishing context, and its entry module (flat exports).
const modules = {
  stores: { messages: stores.events, entry: stores as Record<string, unknown> },
  baskets: { messages: baskets.events, entry: baskets as Record<string, unknown> },
  customers: { messages: customers.messages, entry: customers as Record<string, unknown> },
  depot: { messages: depot.messages, entry: depot as Record<string, unknown> },
  ordering: { messages: ordering.messages, entry: ordering as Record<string, unknown> },
  payments: { messages: payments.messages, entry: payments as Record<string, unknown> },
};

// [wire name, kind, context, generated type]; the wire names are the reference's (StreamMessage.name).
const catalogue: Array<[string, Kind, keyof typeof modules, string]> = [
  ['storesapi.StoreCreated', 'event', 'stores', 'StoreCreated'],
  ['storesapi.StoreParticipatingToggled', 'event', 'stores', 'StoreParticipationToggled'],
  ['storesapi.StoreRebranded', 'event', 'stores', 'StoreRebranded'],
  ['storesapi.ProductAdded', 'event', 'stores', 'ProductAdded'],
  ['storesapi.ProductRebranded', 'event', 'stores', 'ProductRebranded'],
  ['storesapi.ProductPriceIncreased', 'event', 'stores', 'ProductPriceChanged'],
  ['storesapi.ProductPriceDecreased', 'event', 'stores', 'ProductPriceChanged'],
  ['storesapi.ProductRemoved', 'event', 'stores', 'ProductRemoved'],
  ['basketsapi.BasketStarted', 'event', 'baskets', 'BasketStarted'],
  ['basketsapi.BasketCanceled', 'event', 'baskets', 'BasketCanceled'],
  ['basketsapi.BasketCheckedOut', 'event', 'baskets', 'BasketCheckedOut'],
  ['customersapi.CustomerRegistered', 'event', 'customers', 'CustomerRegistered'],
  ['customersapi.CustomerSmsChanged', 'event', 'customers', 'CustomerSmsChanged'],
  ['customersapi.CustomerEnabled', 'event', 'customers', 'CustomerEnabled'],
  ['customersapi.CustomerDisabled', 'event', 'customers', 'CustomerDisabled'],
  ['customersapi.AuthorizeCustomer', 'command', 'customers', 'AuthorizeCustomer'],
  ['ordersapi.OrderCreated', 'event', 'ordering', 'OrderCreated'],
  ['ordersapi.OrderRejected', 'event', 'ordering', 'OrderRejected'],
  ['ordersapi.OrderApproved', 'event', 'ordering', 'OrderApproved'],
  ['ordersapi.OrderReadied', 'event', 'ordering', 'OrderReadied'],
  ['ordersapi.OrderCanceled', 'event', 'ordering', 'OrderCanceled'],
  ['ordersapi.OrderCompleted', 'event', 'ordering', 'OrderCompleted'],
  ['ordersapi.RejectOrder', 'command', 'ordering', 'RejectOrder'],
  ['ordersapi.ApproveOrder', 'command', 'ordering', 'ApproveOrder'],
  ['depotapi.ShoppingListCompleted', 'event', 'depot', 'ShoppingListCompleted'],
  ['depotapi.CreateShoppingListCommand', 'command', 'depot', 'CreateShoppingList'],
  ['depotapi.CancelShoppingListCommand', 'command', 'depot', 'CancelShoppingList'],
  ['depotapi.InitiateShoppingCommand', 'command', 'depot', 'InitiateShopping'],
  ['depotapi.CreatedShoppingListReply', 'reply', 'depot', 'CreatedShoppingList'],
  ['paymentsapi.InvoicePaid', 'event', 'payments', 'InvoicePaid'],
  ['paymentsapi.ConfirmPayment', 'command', 'payments', 'ConfirmPayment'],
];

interface Codec {
  encode(message: unknown): { finish(): Uint8Array };
  decode(input: Uint8Array): unknown;
}

const isCodec = (value: unknown): value is Codec =>
  typeof value === 'object' && value !== null && typeof (value as Codec).encode === 'function' && typeof (value as Codec).decode === 'function';

describe('messaging catalogue (reference-behaviour §4.1)', () => {
  it('is complete: 23 event names, 7 commands and 1 typed reply (§0)', () => {
    const count = (kind: Kind) => catalogue.filter(([, k]) => k === kind).length;
    expect([count('event'), count('command'), count('reply')]).toEqual([23, 7, 1]);
  });

  it.each(catalogue)('%s (%s) has the generated type %s.%s with encode and decode', (_name, _kind, context, type) => {
    const codec = (modules[context].messages as Record<string, unknown>)[type];
    expect(isCodec(codec)).toBe(true);
    // The flat export of the context's entry is the same object.
    expect(modules[context].entry[type]).toBe(codec);
    // decode(encode(x)) round-trips the proto3 default value of the type.
    const empty = (codec as Codec).decode(new Uint8Array());
    expect((codec as Codec).decode((codec as Codec).encode(empty).finish())).toEqual(empty);
  });

  it.each(Object.keys(modules) as Array<keyof typeof modules>)('the %s integration-message module declares only catalogued types', (context) => {
    const declared = Object.entries(modules[context].messages)
      .filter(([name, value]) => isCodec(value) && !name.includes('_')) // nested types (BasketCheckedOut_Item) belong to their parent
      .map(([name]) => name)
      .sort();
    const catalogued = [...new Set(catalogue.filter(([, , c]) => c === context).map(([, , , type]) => type))].sort();
    expect(declared).toEqual(catalogued);
  });
});
