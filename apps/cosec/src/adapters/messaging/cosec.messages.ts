import { FailureReply, MessageRegistry, SuccessReply } from '@mallbots/am';
import { AuthorizeCustomer } from '@mallbots/contracts/customers';
import { CancelShoppingList, CreatedShoppingList, CreateShoppingList, InitiateShopping } from '@mallbots/contracts/depot';
import { ApproveOrder, OrderCreated, RejectOrder } from '@mallbots/contracts/ordering';
import { ConfirmPayment } from '@mallbots/contracts/payments';

/**
 * The wire contract cosec uses (reference-behaviour §4.1, §5.1). The commands and replies belong to the participant
 * contexts (J07) — their payloads are the participants' protobuf types from libs/contracts; cosec only sends them.
 */
export const CosecChannel = {
  OrderEvents: 'mallbots.ordering.events.Order',
  /** One reply channel per saga (requirements table 6.1). */
  Replies: 'mallbots.cosec.replies.CreateOrder',
  CustomersCommands: 'mallbots.customers.commands',
  DepotCommands: 'mallbots.depot.commands',
  PaymentsCommands: 'mallbots.payments.commands',
  OrderingCommands: 'mallbots.ordering.commands',
} as const;

export const CosecMessage = {
  OrderCreated: 'ordersapi.OrderCreated',
  AuthorizeCustomer: 'customersapi.AuthorizeCustomer',
  CreateShoppingList: 'depotapi.CreateShoppingListCommand',
  CancelShoppingList: 'depotapi.CancelShoppingListCommand',
  InitiateShopping: 'depotapi.InitiateShoppingCommand',
  ConfirmPayment: 'paymentsapi.ConfirmPayment',
  ApproveOrder: 'ordersapi.ApproveOrder',
  RejectOrder: 'ordersapi.RejectOrder',
  CreatedShoppingListReply: 'depotapi.CreatedShoppingListReply',
} as const;

/** Every reply a participant can send the saga: the generic pair and depot's specific one. */
export const SAGA_REPLIES = [SuccessReply, FailureReply, CosecMessage.CreatedShoppingListReply] as const;

/** Durable groups (§4.2), cosec's own: never shared with another module. */
export const CosecGroup = {
  Ordering: 'cosec-ordering',
  Replies: 'cosec-replies',
} as const;

export function cosecRegistry(): MessageRegistry {
  return new MessageRegistry()
    .register(CosecMessage.OrderCreated, OrderCreated)
    .register(CosecMessage.AuthorizeCustomer, AuthorizeCustomer)
    .register(CosecMessage.CreateShoppingList, CreateShoppingList)
    .register(CosecMessage.CancelShoppingList, CancelShoppingList)
    .register(CosecMessage.InitiateShopping, InitiateShopping)
    .register(CosecMessage.ConfirmPayment, ConfirmPayment)
    .register(CosecMessage.ApproveOrder, ApproveOrder)
    .register(CosecMessage.RejectOrder, RejectOrder)
    .register(CosecMessage.CreatedShoppingListReply, CreatedShoppingList);
}
