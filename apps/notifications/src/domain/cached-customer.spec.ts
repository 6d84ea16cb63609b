import { CachedCustomer } from './cached-customer.js';

const t = (seconds: number) => new Date(Date.UTC(2026, 0, 1, 12, 0, seconds));
const registered = { name: 'John Smith', smsNumber: '555-0100' };

describe('CachedCustomer: last writer wins per field, by when the fact happened', () => {
  it('is unreachable until a number is known, and enabled until told otherwise', () => {
    const unknown = CachedCustomer.unknown('c1');
    expect(unknown.reachable).toBe(false);
    expect(unknown.enabled).toBe(true);
    expect(unknown.registered(registered, t(0)).reachable).toBe(true);
  });

  it('follows registration then a number change', () => {
    const customer = CachedCustomer.unknown('c1').registered(registered, t(0)).smsNumberChanged('555-0199', t(5));
    expect(customer.state).toMatchObject({ name: 'John Smith', smsNumber: '555-0199', enabled: true });
  });

  it('keeps the newer number when the registration arrives after the change (out of order)', () => {
    const customer = CachedCustomer.unknown('c1').smsNumberChanged('555-0199', t(5)).registered(registered, t(0));
    expect(customer.state).toMatchObject({ name: 'John Smith', smsNumber: '555-0199', smsNumberAt: t(5) });
  });

  it('keeps a customer disabled when the disable overtook the registration', () => {
    const customer = CachedCustomer.unknown('c1').enabledChanged(false, t(3)).registered(registered, t(0));
    expect(customer.enabled).toBe(false);
    expect(customer.reachable).toBe(true);
  });

  it('ignores an older enable after a newer disable, and applies a newer enable', () => {
    const disabled = CachedCustomer.unknown('c1').registered(registered, t(0)).enabledChanged(false, t(10));
    expect(disabled.enabledChanged(true, t(5)).enabled).toBe(false);
    expect(disabled.enabledChanged(true, t(11)).enabled).toBe(true);
  });

  it('changes nothing on a duplicate (the same fact at the same time)', () => {
    const once = CachedCustomer.unknown('c1').registered(registered, t(0)).smsNumberChanged('555-0199', t(5));
    expect(once.smsNumberChanged('555-0199', t(5)).sameAs(once)).toBe(true);
    expect(once.registered(registered, t(0)).sameAs(once)).toBe(true);
    // Same time, other value (cannot come from Customers): the first one stays.
    expect(once.smsNumberChanged('555-0000', t(5)).state.smsNumber).toBe('555-0199');
  });

  it('takes a fallback answer as of the call, so events from before it do not override it and later ones do', () => {
    const fetched = CachedCustomer.unknown('c1').fetched({ name: 'John Smith', smsNumber: '555-0300', enabled: true }, t(20));
    expect(fetched.registered(registered, t(0)).state.smsNumber).toBe('555-0300');
    expect(fetched.smsNumberChanged('555-0400', t(21)).state.smsNumber).toBe('555-0400');
  });

  it('never blanks a known number', () => {
    const customer = CachedCustomer.unknown('c1').registered(registered, t(0)).smsNumberChanged('', t(9));
    expect(customer.state.smsNumber).toBe('555-0100');
  });
});
