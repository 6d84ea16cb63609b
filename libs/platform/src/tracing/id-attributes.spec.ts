import { idAttributes } from './id-attributes.js';

describe('idAttributes', () => {
  it.each([
    [{ id: 'c-1' }, { 'mallbots.id': 'c-1' }],
    [{ basketId: 'b-1', paymentId: 'p-1' }, { 'mallbots.basket_id': 'b-1', 'mallbots.payment_id': 'p-1' }],
    [{ name: 'John', smsNumber: '555', quantity: 2 }, {}],
    [{ storeId: '' }, {}],
    [{ storeId: 7 }, {}],
    [{ Id: 'x', paid: 'y' }, {}],
    [{ storeId: 'x'.repeat(129) }, {}],
    [null, {}],
    ['text', {}],
  ])('%p → %p', (payload, expected) => {
    expect(idAttributes(payload)).toEqual(expected);
  });
});
