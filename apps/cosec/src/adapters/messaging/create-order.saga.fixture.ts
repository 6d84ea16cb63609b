// What the create-order saga must send, shared by its unit test and cosec's component test.
import { CosecMessage as M } from './cosec.messages.js';

/** The forward commands in step order (steps 1–5). */
export const ACTIONS = [M.AuthorizeCustomer, M.CreateShoppingList, M.ConfirmPayment, M.InitiateShopping, M.ApproveOrder];

/** A failure at step k compensates exactly the steps below k that have a compensation, then rejects (J03, J09). */
export const FAILURE_CASES: [failing: (typeof ACTIONS)[number], compensations: (typeof M.CancelShoppingList | typeof M.RejectOrder)[]][] = [
  [M.AuthorizeCustomer, [M.RejectOrder]],
  [M.CreateShoppingList, [M.RejectOrder]],
  [M.ConfirmPayment, [M.CancelShoppingList, M.RejectOrder]],
  [M.InitiateShopping, [M.CancelShoppingList, M.RejectOrder]],
  [M.ApproveOrder, [M.CancelShoppingList, M.RejectOrder]],
];
