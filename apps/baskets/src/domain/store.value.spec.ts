import { InvalidArgumentError } from '@mallbots/ddd';
import { Store } from './store.value.js';

describe('Store', () => {
  it('keeps the id and name the application resolved, immutably', () => {
    const store = Store.of({ id: 'store-1', name: 'Waldorf Books' });

    expect([store.id, store.name, Object.isFrozen(store)]).toEqual(['store-1', 'Waldorf Books', true]);
  });

  it.each(['', '   '])('refuses the store id %p', (id) => {
    expect(() => Store.of({ id, name: 'Waldorf Books' })).toThrow(new InvalidArgumentError('the store id cannot be blank'));
    expect(() => Store.of({ id, name: 'Waldorf Books' })).toThrow(InvalidArgumentError);
  });
});
