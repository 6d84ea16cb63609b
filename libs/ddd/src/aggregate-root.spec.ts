import { AggregateRoot, MetadataKeys } from './index.js';

class Basket extends AggregateRoot {
  static start(id: string): Basket {
    const basket = new Basket(id);
    basket.addEvent('baskets.BasketStarted', { customerId: 'c1' });
    return basket;
  }
  get aggregateName() {
    return 'baskets.Basket';
  }
  addItem(productId: string) {
    this.addEvent('baskets.BasketItemAdded', { productId });
  }
}

describe('AggregateRoot', () => {
  it('stamps each recorded event with aggregate name, id and the version it will have', () => {
    const basket = Basket.start('b1');
    basket.addItem('p1');

    expect(basket.events.map((e) => e.metadata)).toEqual([
      { [MetadataKeys.AggregateName]: 'baskets.Basket', [MetadataKeys.AggregateId]: 'b1', [MetadataKeys.AggregateVersion]: '1' },
      { [MetadataKeys.AggregateName]: 'baskets.Basket', [MetadataKeys.AggregateId]: 'b1', [MetadataKeys.AggregateVersion]: '2' },
    ]);
    expect(basket.version).toBe(0);
    expect(basket.pendingVersion).toBe(2);
  });

  it('commitEvents moves the version forward and clears the pending events', () => {
    const basket = Basket.start('b1');
    basket.addItem('p1');
    basket.commitEvents();
    basket.addItem('p2');

    expect(basket.version).toBe(2);
    expect(basket.events).toHaveLength(1);
    expect(basket.events[0]!.metadata[MetadataKeys.AggregateVersion]).toBe('3');
  });

  it('gives every event its own id and an occurredAt time', () => {
    const basket = Basket.start('b1');
    basket.addItem('p1');
    const [a, b] = basket.events;
    expect(a!.id).not.toEqual(b!.id);
    expect(a!.occurredAt).toBeInstanceOf(Date);
  });

  it('entities are equal by type and id only', () => {
    expect(Basket.start('b1').equals(Basket.start('b1'))).toBe(true);
    expect(Basket.start('b1').equals(Basket.start('b2'))).toBe(false);
    expect(Basket.start('b1').equals(undefined)).toBe(false);
  });
});
