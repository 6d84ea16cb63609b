import { FailedPreconditionError, InvalidArgumentError, MetadataKeys, Money, type DomainError } from '@mallbots/ddd';
import type { RecordedEvent } from '@mallbots/es';
import { Basket, BasketAggregate } from './basket.aggregate.js';
import { BasketStatus } from './basket-status.value.js';
import { Product } from './product.value.js';
import { Store } from './store.value.js';

const books = Store.of({ id: 'store-1', name: 'Waldorf Books' });
const toys = Store.of({ id: 'store-2', name: 'Toy Planet' });
const wizard = Product.of({ id: 'product-1', storeId: 'store-1', name: 'Wizard w/ crystal', price: Money.fromDecimal(9.98) });
const bookmark = Product.of({ id: 'product-2', storeId: 'store-1', name: 'Bookmark', price: Money.fromDecimal(0.1) });
const robot = Product.of({ id: 'product-3', storeId: 'store-2', name: 'Robot', price: Money.fromDecimal(24.5) });

type Setup = 'unstarted' | 'open' | 'open and empty' | 'checked out' | 'canceled';

/** A basket in the given situation with its history already saved, so `events` holds only what the test does. */
function basketIn(setup: Setup): Basket {
  const basket = new Basket('basket-1');
  if (setup !== 'unstarted') basket.start('customer-1');
  if (setup === 'open' || setup === 'checked out' || setup === 'canceled') basket.addItem(books, wizard, 2);
  if (setup === 'checked out') basket.checkout('payment-1');
  if (setup === 'canceled') basket.cancel();
  basket.commitEvents();
  return basket;
}

/** Everything observable about a basket, to show that a refused command changed nothing. */
function stateOf(basket: Basket) {
  return {
    status: basket.status,
    customerId: basket.customerId,
    paymentId: basket.paymentId,
    items: basket.items.map((item) => item.toJSON()),
    total: basket.total().toString(),
    version: basket.version,
    pendingVersion: basket.pendingVersion,
  };
}

function lines(basket: Basket): Array<[string, number]> {
  return basket.items.map((item) => [item.productId, item.quantity]);
}

const operations = {
  start: (basket: Basket) => basket.start('customer-2'),
  addItem: (basket: Basket) => basket.addItem(books, bookmark, 1),
  removeItem: (basket: Basket) => basket.removeItem(wizard.id, 1),
  cancel: (basket: Basket) => basket.cancel(),
  checkout: (basket: Basket) => basket.checkout('payment-2'),
};
type Operation = keyof typeof operations;
type ErrorClass = new (message: string) => DomainError;

describe('Basket', () => {
  describe('status transitions', () => {
    it.each<[Setup, Operation, string, BasketStatus]>([
      ['unstarted', 'start', 'baskets.BasketStarted', BasketStatus.Open],
      ['open', 'addItem', 'baskets.BasketItemAdded', BasketStatus.Open],
      ['open and empty', 'addItem', 'baskets.BasketItemAdded', BasketStatus.Open],
      ['open', 'removeItem', 'baskets.BasketItemRemoved', BasketStatus.Open],
      ['open', 'cancel', 'baskets.BasketCanceled', BasketStatus.Canceled],
      ['open and empty', 'cancel', 'baskets.BasketCanceled', BasketStatus.Canceled],
      ['open', 'checkout', 'baskets.BasketCheckedOut', BasketStatus.CheckedOut],
    ])('%s basket: %s raises %s and leaves it %s', (setup, operation, eventName, status) => {
      const basket = basketIn(setup);

      operations[operation](basket);

      expect(basket.events.map((event) => event.name)).toEqual([eventName]);
      expect(basket.status).toBe(status);
    });

    it.each<[Setup, Operation, string, ErrorClass]>([
      ['unstarted', 'addItem', 'the basket cannot be modified', FailedPreconditionError],
      ['unstarted', 'removeItem', 'the basket cannot be modified', FailedPreconditionError],
      ['unstarted', 'cancel', 'the basket cannot be cancelled', FailedPreconditionError],
      ['unstarted', 'checkout', 'the basket cannot be modified', FailedPreconditionError],
      ['open', 'start', 'the basket cannot be modified', FailedPreconditionError],
      ['open and empty', 'checkout', 'the basket has no items', FailedPreconditionError],
      ['checked out', 'start', 'the basket cannot be modified', FailedPreconditionError],
      ['checked out', 'addItem', 'the basket cannot be modified', FailedPreconditionError],
      ['checked out', 'removeItem', 'the basket cannot be modified', FailedPreconditionError],
      ['checked out', 'cancel', 'the basket cannot be cancelled', FailedPreconditionError],
      ['checked out', 'checkout', 'the basket cannot be modified', FailedPreconditionError],
      ['canceled', 'start', 'the basket cannot be modified', FailedPreconditionError],
      ['canceled', 'addItem', 'the basket cannot be modified', FailedPreconditionError],
      ['canceled', 'removeItem', 'the basket cannot be modified', FailedPreconditionError],
      ['canceled', 'cancel', 'the basket cannot be cancelled', FailedPreconditionError],
      ['canceled', 'checkout', 'the basket cannot be modified', FailedPreconditionError],
    ])('%s basket: %s is refused with "%s", raising nothing and changing nothing', (setup, operation, message, errorClass) => {
      const basket = basketIn(setup);
      const before = stateOf(basket);

      expect(() => operations[operation](basket)).toThrow(new errorClass(message));
      expect(() => operations[operation](basket)).toThrow(errorClass);
      expect(basket.events).toEqual([]);
      expect(stateOf(basket)).toEqual(before);
    });
  });

  describe('input rules', () => {
    it.each<[string, Setup, (basket: Basket) => void, ErrorClass, string]>([
      ['start with an empty customer id', 'unstarted', (b) => b.start(''), InvalidArgumentError, 'the customer id cannot be blank'],
      ['start with a whitespace customer id', 'unstarted', (b) => b.start('  '), InvalidArgumentError, 'the customer id cannot be blank'],
      ['start without a customer id', 'unstarted', (b) => b.start(undefined as unknown as string), InvalidArgumentError, 'the customer id cannot be blank'],
      ['add a negative quantity', 'open', (b) => b.addItem(books, bookmark, -1), InvalidArgumentError, 'the item quantity cannot be negative'],
      ['add a negative fraction', 'open', (b) => b.addItem(books, bookmark, -0.5), InvalidArgumentError, 'the item quantity cannot be negative'],
      ['add zero items', 'open', (b) => b.addItem(books, bookmark, 0), InvalidArgumentError, 'the item quantity cannot be zero'],
      ['add 1.5 items', 'open', (b) => b.addItem(books, bookmark, 1.5), InvalidArgumentError, 'the item quantity must be a whole number'],
      ['add NaN items', 'open', (b) => b.addItem(books, bookmark, Number.NaN), InvalidArgumentError, 'the item quantity must be a whole number'],
      ['add a product of another store', 'open', (b) => b.addItem(toys, bookmark, 1), InvalidArgumentError, 'the product does not belong to the store'],
      ['remove a negative quantity', 'open', (b) => b.removeItem(wizard.id, -1), InvalidArgumentError, 'the item quantity cannot be negative'],
      ['remove zero items', 'open', (b) => b.removeItem(wizard.id, 0), InvalidArgumentError, 'the item quantity cannot be zero'],
      ['remove 0.5 items', 'open', (b) => b.removeItem(wizard.id, 0.5), InvalidArgumentError, 'the item quantity must be a whole number'],
      ['check out with an empty payment id', 'open', (b) => b.checkout(''), InvalidArgumentError, 'the payment id cannot be blank'],
      ['check out with a whitespace payment id', 'open', (b) => b.checkout(' \t'), InvalidArgumentError, 'the payment id cannot be blank'],
      // The reference checks items before the payment id: an empty basket answers "no items" whatever the payment.
      ['check out an empty basket without payment id', 'open and empty', (b) => b.checkout(''), FailedPreconditionError, 'the basket has no items'],
      // Status is checked before the quantity, as in the reference.
      ['add a negative quantity to a checked out basket', 'checked out', (b) => b.addItem(books, bookmark, -1), FailedPreconditionError, 'the basket cannot be modified'],
    ])('refuses to %s, raising nothing and changing nothing', (_case, setup, act, errorClass, message) => {
      const basket = basketIn(setup);
      const before = stateOf(basket);

      expect(() => act(basket)).toThrow(new errorClass(message));
      expect(() => act(basket)).toThrow(errorClass);
      expect(basket.events).toEqual([]);
      expect(stateOf(basket)).toEqual(before);
    });

    it.each(['', ' '])('refuses a basket id %p with the reference text', (id) => {
      expect(() => new Basket(id)).toThrow(new InvalidArgumentError('the basket id cannot be blank'));
    });
  });

  describe('events', () => {
    it('Basket.start raises BasketStarted with the customer id, stamped as version 1 of the basket stream', () => {
      const basket = Basket.start('basket-1', 'customer-1');

      expect(basket.events).toHaveLength(1);
      const [event] = basket.events;
      expect(event!.name).toBe('baskets.BasketStarted');
      expect(event!.payload).toEqual({ customerId: 'customer-1' });
      expect(event!.metadata).toEqual({
        [MetadataKeys.AggregateName]: 'baskets.Basket',
        [MetadataKeys.AggregateId]: 'basket-1',
        [MetadataKeys.AggregateVersion]: '1',
      });
      expect([basket.status, basket.customerId, basket.paymentId, basket.items]).toEqual([BasketStatus.Open, 'customer-1', undefined, []]);
      expect(BasketAggregate).toBe('baskets.Basket');
    });

    it('BasketItemAdded carries the store and product as resolved, the price as Money and the units added', () => {
      const basket = basketIn('open');

      basket.addItem(books, wizard, 3);

      expect(basket.events.map((e) => [e.name, e.metadata[MetadataKeys.AggregateVersion], e.payload])).toEqual([
        [
          'baskets.BasketItemAdded',
          '3',
          { item: { storeId: 'store-1', storeName: 'Waldorf Books', productId: 'product-1', productName: 'Wizard w/ crystal', price: Money.ofCents(998), quantity: 3 } },
        ],
      ]);
    });

    it('BasketItemRemoved carries the product id and the units removed', () => {
      const basket = basketIn('open');

      basket.removeItem(wizard.id, 1);

      expect(basket.events.map((e) => [e.name, e.payload])).toEqual([['baskets.BasketItemRemoved', { productId: 'product-1', quantity: 1 }]]);
    });

    it('BasketCanceled carries nothing and empties the basket', () => {
      const basket = basketIn('open');

      basket.cancel();

      expect(basket.events.map((e) => [e.name, e.payload])).toEqual([['baskets.BasketCanceled', {}]]);
      expect([basket.items, basket.total().toString()]).toEqual([[], '0.00']);
    });

    it('BasketCheckedOut carries the customer, the payment and every line as checked out', () => {
      const basket = basketIn('open');
      basket.addItem(toys, robot, 1);
      basket.commitEvents();

      basket.checkout('payment-1');

      expect(basket.events.map((e) => [e.name, e.payload])).toEqual([
        [
          'baskets.BasketCheckedOut',
          {
            customerId: 'customer-1',
            paymentId: 'payment-1',
            items: [
              { storeId: 'store-1', storeName: 'Waldorf Books', productId: 'product-1', productName: 'Wizard w/ crystal', price: Money.ofCents(998), quantity: 2 },
              { storeId: 'store-2', storeName: 'Toy Planet', productId: 'product-3', productName: 'Robot', price: Money.ofCents(2450), quantity: 1 },
            ],
          },
        ],
      ]);
      expect([basket.status, basket.paymentId, lines(basket)]).toEqual([BasketStatus.CheckedOut, 'payment-1', [['product-1', 2], ['product-3', 1]]]);
    });

    it('a payload cannot be changed after the event is raised', () => {
      const basket = basketIn('open');
      basket.checkout('payment-1');
      const payload = basket.events[0]!.payload as { items: unknown[] };

      expect(Object.isFrozen(payload)).toBe(true);
      expect(Object.isFrozen(payload.items)).toBe(true);
      expect(Object.isFrozen(payload.items[0])).toBe(true);
    });
  });

  describe('lines and quantities', () => {
    it.each<[string, (basket: Basket) => void, Array<[string, number]>, unknown]>([
      ['adding a new product adds a line', (b) => b.addItem(books, bookmark, 2), [['product-1', 2], ['product-2', 2]], { item: expect.objectContaining({ productId: 'product-2', quantity: 2 }) }],
      ['adding a product again increases its line', (b) => b.addItem(books, wizard, 3), [['product-1', 5]], { item: expect.objectContaining({ productId: 'product-1', quantity: 3 }) }],
      // Reference defect (§14.4 item 37): it deleted the line when one unit would remain.
      ['removing 1 of 2 leaves 1', (b) => b.removeItem(wizard.id, 1), [['product-1', 1]], { productId: 'product-1', quantity: 1 }],
      ['removing 2 of 2 removes the line', (b) => b.removeItem(wizard.id, 2), [], { productId: 'product-1', quantity: 2 }],
      ['removing more than the line holds removes the line and records what was there', (b) => b.removeItem(wizard.id, 5), [], { productId: 'product-1', quantity: 2 }],
    ])('%s', (_case, act, expectedLines, expectedPayload) => {
      const basket = basketIn('open');

      act(basket);

      expect(lines(basket)).toEqual(expectedLines);
      expect(basket.events.map((e) => e.payload)).toEqual([expectedPayload]);
    });

    it.each<[string, string]>([
      ['a product that is not in the basket', bookmark.id],
      ['an unknown product id', 'no-such-product'],
    ])('removing %s raises nothing and changes nothing, as in the reference', (_case, productId) => {
      const basket = basketIn('open');
      const before = stateOf(basket);

      basket.removeItem(productId, 1);

      expect(basket.events).toEqual([]);
      expect(stateOf(basket)).toEqual(before);
    });

    it('lists lines in the order their products were first added', () => {
      const basket = basketIn('open and empty');
      basket.addItem(toys, robot, 1);
      basket.addItem(books, bookmark, 1);
      basket.addItem(books, wizard, 1);
      basket.addItem(toys, robot, 1);

      expect(lines(basket)).toEqual([['product-3', 2], ['product-2', 1], ['product-1', 1]]);
    });

    it('a re-added product keeps the name and price it was first added with; the event records what was resolved', () => {
      const repriced = Product.of({ id: 'product-1', storeId: 'store-1', name: 'Wizard w/ crystal (2nd ed.)', price: Money.fromDecimal(12.5) });
      const basket = basketIn('open');

      basket.addItem(books, repriced, 1);

      expect(basket.items.map((item) => [item.productName, item.price.toString(), item.quantity])).toEqual([['Wizard w/ crystal', '9.98', 3]]);
      expect((basket.events[0]!.payload as { item: { price: Money } }).item.price.toString()).toBe('12.50');
      expect(basket.total().toString()).toBe('29.94');
    });

    it('the lines handed out are a copy', () => {
      const basket = basketIn('open');

      (basket.items as unknown[]).length = 0;

      expect(lines(basket)).toEqual([['product-1', 2]]);
    });
  });

  describe('total', () => {
    it.each<[string, string, (basket: Basket) => void]>([
      ['an empty basket', '0.00', () => undefined],
      ['3 × 0.10 in one add', '0.30', (b) => b.addItem(books, bookmark, 3)],
      ['0.10 added three times', '0.30', (b) => [1, 2, 3].forEach(() => b.addItem(books, bookmark, 1))],
      ['2 × 9.98 + 3 × 0.10 + 24.50', '44.76', (b) => [b.addItem(books, wizard, 2), b.addItem(books, bookmark, 3), b.addItem(toys, robot, 1)]],
      ['after removing 1 of 2 × 9.98 next to 3 × 0.10', '10.28', (b) => [b.addItem(books, wizard, 2), b.addItem(books, bookmark, 3), b.removeItem(wizard.id, 1)]],
      ['after removing every line', '0.00', (b) => [b.addItem(books, wizard, 2), b.removeItem(wizard.id, 2)]],
      ['after cancelling', '0.00', (b) => [b.addItem(books, wizard, 2), b.cancel()]],
      ['after checking out (the lines stay)', '19.96', (b) => [b.addItem(books, wizard, 2), b.checkout('payment-1')]],
    ])('the total of %s is exactly %s', (_case, expected, act) => {
      const basket = basketIn('open and empty');

      act(basket);

      expect(basket.total().toString()).toBe(expected);
      expect(basket.total().equals(Money.fromDecimal(Number(expected)))).toBe(true);
    });
  });

  describe('replay', () => {
    const histories: Array<[string, (basket: Basket) => void]> = [
      ['just started', () => undefined],
      ['left open with lines added, re-added and partly removed', (b) => [b.addItem(books, wizard, 2), b.addItem(toys, robot, 1), b.addItem(books, wizard, 1), b.removeItem(wizard.id, 2)]],
      ['with a line removed entirely', (b) => [b.addItem(books, wizard, 2), b.removeItem(wizard.id, 2)]],
      ['that was checked out', (b) => [b.addItem(books, bookmark, 3), b.checkout('payment-1')]],
      ['that was canceled', (b) => [b.addItem(books, bookmark, 3), b.cancel()]],
    ];

    it.each(histories)('of a basket %s rebuilds the same state and version', (_case, act) => {
      const original = Basket.start('basket-1', 'customer-1');
      act(original);
      const history: RecordedEvent[] = original.events.map((event, i) => ({ streamVersion: i + 1, event }));
      original.commitEvents();

      const rebuilt = new Basket('basket-1').replay(history);

      expect(stateOf(rebuilt)).toEqual(stateOf(original));
      expect(rebuilt.events).toEqual([]);
    });
  });
});
