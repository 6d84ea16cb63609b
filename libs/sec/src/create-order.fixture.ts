// The test saga shared by the unit and integration tests: shaped like the create-order saga
// (reference-behaviour §5.1), with JSON codecs instead of the participants' protobuf types.
import { MessageRegistry, type IncomingMessage, type Message } from '@mallbots/am';
import { defineSaga, type SagaOptions } from './saga-builder.js';
import type { SagaDefinition } from './saga-definition.js';
import { jsonCodec, replyTo, type ReplyOptions } from './testing.js';

export interface CreateOrderData {
  orderId: string;
  customerId: string;
  paymentId: string;
  shoppingId?: string;
  total: number;
}

export const Cmd = {
  RejectOrder: 'ordersapi.RejectOrder',
  AuthorizeCustomer: 'customersapi.AuthorizeCustomer',
  CreateShoppingList: 'depotapi.CreateShoppingListCommand',
  CancelShoppingList: 'depotapi.CancelShoppingListCommand',
  ConfirmPayment: 'paymentsapi.ConfirmPayment',
  InitiateShopping: 'depotapi.InitiateShoppingCommand',
  ApproveOrder: 'ordersapi.ApproveOrder',
} as const;

export const CreatedShoppingListReply = 'depotapi.CreatedShoppingListReply';

/** The forward commands of the happy path, in order; index + 1 is the step. */
export const ACTIONS = [Cmd.AuthorizeCustomer, Cmd.CreateShoppingList, Cmd.ConfirmPayment, Cmd.InitiateShopping, Cmd.ApproveOrder];

export const SAGA_NAME = 'test.CreateOrder';
export const REPLY_CHANNEL = 'test.cosec.replies.CreateOrder';

export function createOrderRegistry(): MessageRegistry {
  const registry = new MessageRegistry();
  for (const name of [...Object.values(Cmd), CreatedShoppingListReply]) registry.register(name, jsonCodec<unknown>());
  return registry;
}

export function createOrderSaga(options?: SagaOptions): SagaDefinition<CreateOrderData> {
  return defineSaga<CreateOrderData>(SAGA_NAME, REPLY_CHANNEL, options)
    .step((s) => s.compensate((d) => ({ subject: 'ordering.commands', name: Cmd.RejectOrder, payload: { id: d.orderId } })))
    .step((s) => s.action((d) => ({ subject: 'customers.commands', name: Cmd.AuthorizeCustomer, payload: { id: d.customerId } })))
    .step((s) =>
      s
        .action((d) => ({ subject: 'depot.commands', name: Cmd.CreateShoppingList, payload: { orderId: d.orderId } }))
        .onActionReply<{ id: string }>(CreatedShoppingListReply, (d, reply) => ({ ...d, shoppingId: reply.id }))
        .compensate((d) => ({ subject: 'depot.commands', name: Cmd.CancelShoppingList, payload: { id: requireShopping(d) } })),
    )
    .step((s) => s.action((d) => ({ subject: 'payments.commands', name: Cmd.ConfirmPayment, payload: { id: d.paymentId, amount: d.total } })))
    .step((s) => s.action((d) => ({ subject: 'depot.commands', name: Cmd.InitiateShopping, payload: { id: requireShopping(d) } })))
    .step((s) => s.action((d) => ({ subject: 'ordering.commands', name: Cmd.ApproveOrder, payload: { id: d.orderId, shoppingId: d.shoppingId } })))
    .build();
}

function requireShopping(d: CreateOrderData): string {
  if (!d.shoppingId) throw new Error('no shopping list id in the saga data');
  return d.shoppingId;
}

export function orderData(orderId: string): CreateOrderData {
  return { orderId, customerId: `customer-of-${orderId}`, paymentId: `payment-of-${orderId}`, total: 1250 };
}

/** A participant that answers every command with success, CreateShoppingList with its specific reply. */
export function successfulReply(registry: MessageRegistry, command: Message, shoppingId = 'shopping-1'): IncomingMessage {
  if (command.name === Cmd.CreateShoppingList) {
    return replyTo(command, { name: CreatedShoppingListReply, payload: registry.serialize(CreatedShoppingListReply, { id: shoppingId }) });
  }
  return replyTo(command);
}

/**
 * Answers each new command as `respond` says until the saga sends no more commands; returns the commands sent
 * while driving (for a started saga, pass the publisher's messages so far as `sent`).
 */
export async function drive(
  sent: () => readonly Message[],
  handleReply: (reply: IncomingMessage) => Promise<void>,
  respond: (command: Message) => IncomingMessage,
): Promise<void> {
  let answered = 0;
  for (let guard = 0; guard < 50; guard++) {
    const messages = sent();
    if (answered === messages.length) return;
    const command = messages[answered++]!;
    await handleReply(respond(command));
  }
  throw new Error('saga did not settle within 50 replies');
}

export function failAt(registry: MessageRegistry, failing: string, options: ReplyOptions = {}) {
  return (command: Message): IncomingMessage =>
    command.name === failing ? replyTo(command, { outcome: 'FAILURE', error: `${failing} refused`, ...options }) : successfulReply(registry, command);
}
