import { FailedPreconditionError, InvalidArgumentError } from '@mallbots/ddd';
import { productOf, storeOf } from './catalog.values.js';
import { ShoppingList, type ShoppingListState } from './shopping-list.aggregate.js';
import { type ShoppingListAction, type ShoppingListStatus, ShoppingListStatuses } from './shopping-list-status.js';
import { ShoppingListStatusError } from './shopping-list.errors.js';
import { ShoppingListEvent } from './shopping-list.events.js';

const STORE = storeOf({ id: 's-1', name: 'Nic & Naks', location: 'Level 1' });
const OTHER_STORE = storeOf({ id: 's-2', name: 'Broom World', location: 'Level 2' });
const WIZARD = productOf({ id: 'p-1', storeId: 's-1', name: 'Wizard w/ crystal' });
const BROOM = productOf({ id: 'p-2', storeId: 's-2', name: 'Broom' });

const inStatus = (status: ShoppingListStatus, assignedBotId = status === 'assigned' || status === 'active' ? 'bot-1' : ''): ShoppingList =>
  ShoppingList.fromState({ id: 'sl-1', orderId: 'o-1', stops: {}, assignedBotId, status, version: 2 });

const act: Readonly<Record<ShoppingListAction, (list: ShoppingList) => void>> = {
  cancel: (l) => l.cancel(),
  initiate: (l) => l.initiate(),
  assign: (l) => l.assign('bot-7'),
  complete: (l) => l.complete(),
};

// The whole transition table, written out once more by hand: a change to the rules must change this test too.
const allowed: ReadonlyArray<[ShoppingListAction, ShoppingListStatus, ShoppingListStatus, string]> = [
  ['cancel', 'pending', 'canceled', ShoppingListEvent.Canceled],
  ['cancel', 'available', 'canceled', ShoppingListEvent.Canceled],
  ['cancel', 'assigned', 'canceled', ShoppingListEvent.Canceled],
  ['cancel', 'active', 'canceled', ShoppingListEvent.Canceled],
  ['initiate', 'pending', 'available', ShoppingListEvent.Initiated],
  ['assign', 'available', 'assigned', ShoppingListEvent.Assigned],
  ['complete', 'assigned', 'completed', ShoppingListEvent.Completed],
];
const pastTense = { cancel: 'canceled', initiate: 'initiated', assign: 'assigned', complete: 'completed' } as const;
const refused = (Object.keys(act) as ShoppingListAction[]).flatMap((action) =>
  ShoppingListStatuses.filter((from) => !allowed.some(([a, f]) => a === action && f === from) && !(action === 'cancel' && from === 'canceled')).map(
    (from) => [action, from] as const,
  ),
);

describe('ShoppingList', () => {
  it('cancel of a canceled list is done already: no error, no event, no new version', () => {
    const list = inStatus('canceled');
    const before = list.toState();
    list.cancel();
    expect(list.toState()).toEqual(before);
    expect(list.events).toEqual([]);
  });

  describe('create', () => {
    it('groups the lines into one stop per store, adds up a repeated product and records ShoppingListCreated', () => {
      const list = ShoppingList.create('sl-1', 'o-1', [
        { store: STORE, product: WIZARD, quantity: 2 },
        { store: OTHER_STORE, product: BROOM, quantity: 1 },
        { store: STORE, product: WIZARD, quantity: 3 },
      ]);
      expect(list.toState()).toEqual({
        id: 'sl-1',
        orderId: 'o-1',
        assignedBotId: '',
        status: 'pending',
        version: 1,
        stops: {
          's-1': { storeName: 'Nic & Naks', storeLocation: 'Level 1', items: { 'p-1': { name: 'Wizard w/ crystal', quantity: 5 } } },
          's-2': { storeName: 'Broom World', storeLocation: 'Level 2', items: { 'p-2': { name: 'Broom', quantity: 1 } } },
        },
      });
      expect(list.events.map((e) => [e.name, e.payload])).toEqual([[ShoppingListEvent.Created, { id: 'sl-1', orderId: 'o-1' }]]);
    });

    it.each([
      ['a blank id', ' ', 'o-1', [{ store: STORE, product: WIZARD, quantity: 1 }], 'the shopping list id cannot be blank'],
      ['a blank order id', 'sl-1', '', [{ store: STORE, product: WIZARD, quantity: 1 }], 'the order id cannot be blank'],
      ['no items', 'sl-1', 'o-1', [], 'the shopping list has no items'],
      ['a zero quantity', 'sl-1', 'o-1', [{ store: STORE, product: WIZARD, quantity: 0 }], 'the item quantity must be a positive whole number'],
      ['a negative quantity', 'sl-1', 'o-1', [{ store: STORE, product: WIZARD, quantity: -1 }], 'the item quantity must be a positive whole number'],
      ['a fractional quantity', 'sl-1', 'o-1', [{ store: STORE, product: WIZARD, quantity: 1.5 }], 'the item quantity must be a positive whole number'],
      ['a product of another store', 'sl-1', 'o-1', [{ store: STORE, product: BROOM, quantity: 1 }], 'product p-2 is not sold by store s-1'],
      [
        'quantities adding up beyond int32',
        'sl-1',
        'o-1',
        [
          { store: STORE, product: WIZARD, quantity: 2_000_000_000 },
          { store: STORE, product: WIZARD, quantity: 2_000_000_000 },
        ],
        'the item quantity is too large',
      ],
    ])('refuses %s (InvalidArgument)', (_what, id, orderId, lines, message) => {
      expect(() => ShoppingList.create(id, orderId, lines)).toThrow(new InvalidArgumentError(message));
    });
  });

  describe('transitions', () => {
    it.each(allowed)('%s from %s: becomes %s and records %s', (action, from, to, event) => {
      const list = inStatus(from);
      act[action](list);
      expect(list.toState().status).toBe(to);
      expect(list.toState().version).toBe(3);
      expect(list.events.map((e) => e.name)).toEqual([event]);
      expect(list.events[0]!.payload).toMatchObject({ id: 'sl-1', orderId: 'o-1' });
    });

    it.each(refused)('%s from %s: refused with ShoppingListStatusError, nothing changes', (action, from) => {
      const list = inStatus(from);
      const before = list.toState();
      const err = (() => {
        try {
          act[action](list);
        } catch (e) {
          return e;
        }
        return undefined;
      })();
      expect(err).toBeInstanceOf(ShoppingListStatusError);
      expect(err).toBeInstanceOf(FailedPreconditionError); // HTTP 400 (code 3, as the reference), a Failure reply
      expect(err).toMatchObject({ action, status: from, message: `the shopping list cannot be ${pastTense[action]}` });
      expect(list.toState()).toEqual(before);
      expect(list.events).toEqual([]);
    });

    it('covers every action in every status', () => {
      // + 1: cancel of a canceled list, neither a transition nor a refusal (tested at the top).
      expect(allowed.length + refused.length + 1).toBe(Object.keys(act).length * ShoppingListStatuses.length);
    });
  });

  it('assign records the bot, and cancel names it so it can be called back', () => {
    const list = inStatus('available');
    list.assign(' bot-7 ');
    list.cancel();
    expect(list.toState()).toMatchObject({ assignedBotId: 'bot-7', status: 'canceled' });
    expect(list.events.map((e) => [e.name, e.payload])).toEqual([
      [ShoppingListEvent.Assigned, { id: 'sl-1', orderId: 'o-1', botId: 'bot-7' }],
      [ShoppingListEvent.Canceled, { id: 'sl-1', orderId: 'o-1', assignedBotId: 'bot-7' }],
    ]);
  });

  it('refuses a blank bot id before looking at the status', () => {
    const list = inStatus('available');
    expect(() => list.assign('  ')).toThrow(new InvalidArgumentError('the bot id cannot be blank'));
    expect(list.toState().status).toBe('available');
  });

  it('runs the whole life: pending → available → assigned → completed', () => {
    const list = ShoppingList.create('sl-1', 'o-1', [{ store: STORE, product: WIZARD, quantity: 1 }]);
    list.initiate();
    list.assign('bot-1');
    list.complete();
    expect(list.events.map((e) => e.name)).toEqual([ShoppingListEvent.Created, ShoppingListEvent.Initiated, ShoppingListEvent.Assigned, ShoppingListEvent.Completed]);
    expect(list.toState()).toMatchObject({ status: 'completed', assignedBotId: 'bot-1', version: 4 });
  });

  it('round-trips through its stored state', () => {
    const state: ShoppingListState = { ...inStatus('assigned').toState(), stops: ShoppingList.create('x', 'o', [{ store: STORE, product: WIZARD, quantity: 1 }]).toState().stops };
    expect(ShoppingList.fromState(state).toState()).toEqual(state);
  });
});
