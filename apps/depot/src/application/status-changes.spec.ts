// The four status-changing use cases share one shape (load → guarded transition → save → dispatch), tested here
// table-driven: each on its allowed status, on a refused one, and on an unknown id.
import { FailedPreconditionError, InvalidArgumentError, NotFoundError } from '@mallbots/ddd';
import { ShoppingListEvent, type ShoppingListStatus, ShoppingListStatusError } from '../domain/index.js';
import { AssignShoppingListCommand } from './assign-shopping-list/assign-shopping-list.command.js';
import { AssignShoppingListHandler } from './assign-shopping-list/assign-shopping-list.handler.js';
import { CancelShoppingListCommand } from './cancel-shopping-list/cancel-shopping-list.command.js';
import { CancelShoppingListHandler } from './cancel-shopping-list/cancel-shopping-list.handler.js';
import { CompleteShoppingListCommand } from './complete-shopping-list/complete-shopping-list.command.js';
import { CompleteShoppingListHandler } from './complete-shopping-list/complete-shopping-list.handler.js';
import { InitiateShoppingCommand } from './initiate-shopping/initiate-shopping.command.js';
import { InitiateShoppingHandler } from './initiate-shopping/initiate-shopping.handler.js';
import { DepotFixture } from './testing/depot.fixture.js';

type Run = (f: DepotFixture, id: string) => Promise<void>;

const useCases: ReadonlyArray<[name: string, run: Run, from: ShoppingListStatus, to: ShoppingListStatus, event: string, refusedIn: ShoppingListStatus]> = [
  ['InitiateShopping', (f, id) => new InitiateShoppingHandler(f.lists, f.dispatcher).execute(new InitiateShoppingCommand(id)), 'pending', 'available', ShoppingListEvent.Initiated, 'available'],
  ['AssignShoppingList', (f, id) => new AssignShoppingListHandler(f.lists, f.dispatcher).execute(new AssignShoppingListCommand(id, 'bot-7')), 'available', 'assigned', ShoppingListEvent.Assigned, 'pending'],
  ['CompleteShoppingList', (f, id) => new CompleteShoppingListHandler(f.lists, f.dispatcher).execute(new CompleteShoppingListCommand(id)), 'assigned', 'completed', ShoppingListEvent.Completed, 'available'],
  ['CancelShoppingList', (f, id) => new CancelShoppingListHandler(f.lists, f.dispatcher).execute(new CancelShoppingListCommand(id)), 'assigned', 'canceled', ShoppingListEvent.Canceled, 'completed'],
];

describe.each(useCases)('%s', (_name, run, from, to, event, refusedIn) => {
  it(`moves a ${from} list to ${to}, stores it and dispatches ${event}`, async () => {
    const f = new DepotFixture();
    await f.storedList(from);
    await run(f, 'sl-1');
    expect(f.lists.rows.get('sl-1')).toMatchObject({ status: to, version: 2 });
    expect(f.dispatched.map((e) => [e.name, e.payload])).toEqual([[event, expect.objectContaining({ id: 'sl-1', orderId: 'o-1' })]]);
  });

  it(`refuses a ${refusedIn} list (typed error), changing and dispatching nothing`, async () => {
    const f = new DepotFixture();
    await f.storedList(refusedIn);
    const before = f.lists.rows.get('sl-1');
    const refused = run(f, 'sl-1');
    await expect(refused).rejects.toBeInstanceOf(ShoppingListStatusError);
    await expect(refused).rejects.toBeInstanceOf(FailedPreconditionError);
    expect(f.lists.rows.get('sl-1')).toBe(before);
    expect(f.dispatched).toEqual([]);
  });

  it('answers an unknown id with NotFound and a blank one with InvalidArgument, creating nothing', async () => {
    const f = new DepotFixture();
    await expect(run(f, 'nope')).rejects.toThrow(new NotFoundError('shopping list nope not found'));
    await expect(run(f, ' ')).rejects.toBeInstanceOf(InvalidArgumentError);
    expect(f.lists.rows.size).toBe(0);
  });
});
