import type { AuthorizeCustomer } from '@mallbots/contracts/customers';
import type { CancelShoppingList, CreatedShoppingList, CreateShoppingList, InitiateShopping } from '@mallbots/contracts/depot';
import type { ApproveOrder, RejectOrder } from '@mallbots/contracts/ordering';
import type { ConfirmPayment } from '@mallbots/contracts/payments';
import { defineSaga, type SagaDefinition, type SagaInstance, type SagaOptions } from '@mallbots/sec';
import type { CreateOrderData } from '../../domain/index.js';
import { CosecChannel, CosecMessage } from './cosec.messages.js';

export const CREATE_ORDER_SAGA_NAME = 'cosec.CreateOrder';

/**
 * The create-order saga (reference-behaviour §5.1, requirements J02):
 *
 * | step | action                                      | compensation       |
 * |------|---------------------------------------------|--------------------|
 * | 0    | –                                           | RejectOrder        |
 * | 1    | AuthorizeCustomer                           | –                  |
 * | 2    | CreateShoppingList (→ shoppingId)           | CancelShoppingList |
 * | 3    | ConfirmPayment (amount = total, customerId) | –                  |
 * | 4    | InitiateShopping                            | –                  |
 * | 5    | ApproveOrder (with shoppingId)              | –                  |
 *
 * A failure reply or a timeout at step k compensates the steps below k (libs/sec). `satisfies` pins each payload to
 * the participant's protobuf type, so a contract change breaks the build here rather than on the wire.
 */
export function createOrderSaga(options: SagaOptions = {}): SagaDefinition<CreateOrderData> {
  return defineSaga<CreateOrderData>(CREATE_ORDER_SAGA_NAME, CosecChannel.Replies, options)
    .step((s) => s.compensate((d) => ({ subject: CosecChannel.OrderingCommands, name: CosecMessage.RejectOrder, payload: { id: d.orderId } satisfies RejectOrder })))
    .step((s) =>
      s.action((d) => ({ subject: CosecChannel.CustomersCommands, name: CosecMessage.AuthorizeCustomer, payload: { id: d.customerId } satisfies AuthorizeCustomer })),
    )
    .step((s) =>
      s
        .action((d) => ({
          subject: CosecChannel.DepotCommands,
          name: CosecMessage.CreateShoppingList,
          payload: { orderId: d.orderId, items: d.items.map((i) => ({ productId: i.productId, storeId: i.storeId, quantity: i.quantity })) } satisfies CreateShoppingList,
        }))
        // Runs for SUCCESS replies only (libs/sec), so a refused list never leaves an id behind (fixes #31).
        .onActionReply<CreatedShoppingList>(CosecMessage.CreatedShoppingListReply, (d, reply) => ({ ...d, shoppingId: reply.id }))
        .compensate((d) => ({ subject: CosecChannel.DepotCommands, name: CosecMessage.CancelShoppingList, payload: { id: shoppingIdOf(d) } satisfies CancelShoppingList })),
    )
    .step((s) =>
      // customerId: the payment must have been pre-authorised for the order's customer (§14.4 #36).
      s.action((d) => ({
        subject: CosecChannel.PaymentsCommands,
        name: CosecMessage.ConfirmPayment,
        payload: { id: d.paymentId, amount: d.total, customerId: d.customerId } satisfies ConfirmPayment,
      })),
    )
    .step((s) => s.action((d) => ({ subject: CosecChannel.DepotCommands, name: CosecMessage.InitiateShopping, payload: { id: shoppingIdOf(d) } satisfies InitiateShopping })))
    .step((s) =>
      s.action((d) => ({
        subject: CosecChannel.OrderingCommands,
        name: CosecMessage.ApproveOrder,
        payload: { id: d.orderId, shoppingId: shoppingIdOf(d) } satisfies ApproveOrder,
      })),
    )
    .build();
}

/**
 * The shopping list id the depot replied with. A CreatedShoppingList reply without one (or a generic am.Success)
 * leaves nothing to initiate, approve or cancel: the command cannot be built, so going forward the step fails and
 * the saga compensates, and while compensating the saga is parked as `failed` for an operator (libs/sec).
 */
function shoppingIdOf(d: CreateOrderData): string {
  if (!d.shoppingId) throw new Error(`order ${d.orderId}: the depot did not reply with a shopping list id`);
  return d.shoppingId;
}

/**
 * The name of the command the saga is waiting on (undefined once done): what an operator wants to see next to the
 * step number. Factories are pure, so building the command again only reads the data.
 */
export function outstandingCommand(definition: SagaDefinition<CreateOrderData>, saga: SagaInstance<CreateOrderData>): string | undefined {
  if (saga.done) return undefined;
  const step = definition.steps[saga.step];
  const factory = saga.compensating ? step?.compensation : step?.action;
  try {
    return factory?.(saga.data).name;
  } catch {
    return undefined;
  }
}
