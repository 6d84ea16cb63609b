import { FailedPreconditionError, InvalidArgumentError, UnauthenticatedError } from '@mallbots/ddd';
import { Customer } from './customer.aggregate.js';
import { CustomerEvent } from './customer.events.js';

const registered = () => {
  const customer = Customer.register('c-1', 'John Smith', '555-0100');
  customer.commitEvents();
  return customer;
};
const disabled = () => {
  const customer = registered();
  customer.disable();
  customer.commitEvents();
  return customer;
};

describe('Customer', () => {
  it('registers an enabled customer and records CustomerRegistered', () => {
    const customer = Customer.register('c-1', ' John Smith ', '555-0100');
    expect(customer.toState()).toEqual({ id: 'c-1', name: 'John Smith', smsNumber: '555-0100', enabled: true, version: 1 });
    expect(customer.events.map((e) => [e.name, e.payload])).toEqual([[CustomerEvent.Registered, { id: 'c-1', name: 'John Smith', smsNumber: '555-0100' }]]);
  });

  it.each([
    ['', 'John', '555', 'the customer id cannot be blank'],
    ['c-1', '  ', '555', 'the customer name cannot be blank'],
    ['c-1', 'John', '', 'the SMS number cannot be blank'],
  ])('refuses registration (id %p, name %p, sms %p): %s', (id, name, sms, message) => {
    expect(() => Customer.register(id, name, sms)).toThrow(new InvalidArgumentError(message));
  });

  it.each([
    ['enable an enabled customer', registered, (c: Customer) => c.enable(), FailedPreconditionError, 'the customer is already enabled'],
    ['disable a disabled customer', disabled, (c: Customer) => c.disable(), FailedPreconditionError, 'the customer is already disabled'],
    ['authorize a disabled customer', disabled, (c: Customer) => c.authorize(), UnauthenticatedError, 'customer is not authorized'],
    ['set a blank SMS number', registered, (c: Customer) => c.changeSmsNumber(' '), InvalidArgumentError, 'the SMS number cannot be blank'],
  ])('refuses to %s, recording nothing', (_what, make, act, type, message) => {
    const customer = make();
    const before = customer.toState();
    expect(() => act(customer)).toThrow(type);
    expect(() => act(customer)).toThrow(message);
    expect(customer.events).toEqual([]);
    expect(customer.toState()).toEqual(before);
  });

  it.each([
    ['disable', registered, (c: Customer) => c.disable(), CustomerEvent.Disabled, { enabled: false }],
    ['enable', disabled, (c: Customer) => c.enable(), CustomerEvent.Enabled, { enabled: true }],
    ['authorize', registered, (c: Customer) => c.authorize(), CustomerEvent.Authorized, {}],
    ['change the SMS number', registered, (c: Customer) => c.changeSmsNumber('555-0199'), CustomerEvent.SmsChanged, { smsNumber: '555-0199' }],
  ])('%s: records the event and the new state', (_what, make, act, event, change) => {
    const customer = make();
    const before = customer.toState();
    act(customer);
    expect(customer.events.map((e) => e.name)).toEqual([event]);
    expect(customer.toState()).toEqual({ ...before, ...change, version: before.version + 1 });
  });

  it('records nothing when the SMS number does not change', () => {
    const customer = registered();
    customer.changeSmsNumber('555-0100');
    expect(customer.events).toEqual([]);
  });

  it('round-trips through its stored state', () => {
    const customer = disabled();
    expect(Customer.fromState(customer.toState()).toState()).toEqual(customer.toState());
  });
});
