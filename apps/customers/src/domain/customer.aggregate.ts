import { AggregateRoot, FailedPreconditionError, InvalidArgumentError, UnauthenticatedError } from '@mallbots/ddd';
import { CustomerEvent } from './customer.events.js';

/** What the repository stores and reads back (a plain table, not event sourced: reference-behaviour §3.3, K09). */
export interface CustomerState {
  readonly id: string;
  readonly name: string;
  readonly smsNumber: string;
  readonly enabled: boolean;
  readonly version: number;
}

/**
 * A registered customer. Authorization stays here (D05): other contexts cache customer data but ask this
 * aggregate whether a customer may order. Every rule and error text is the reference's; ChangeSmsNumber, which the
 * reference never implemented, follows the same rules as registration.
 */
export class Customer extends AggregateRoot {
  private constructor(
    id: string,
    private name: string,
    private smsNumber: string,
    private enabled: boolean,
    version: number,
  ) {
    super(id, version);
  }

  get aggregateName(): string {
    return 'customers.Customer';
  }

  static register(id: string, name: string, smsNumber: string): Customer {
    if (!id.trim()) throw new InvalidArgumentError('the customer id cannot be blank');
    if (!name.trim()) throw new InvalidArgumentError('the customer name cannot be blank');
    if (!smsNumber.trim()) throw new InvalidArgumentError('the SMS number cannot be blank');
    const customer = new Customer(id, name.trim(), smsNumber.trim(), true, 0);
    customer.addEvent(CustomerEvent.Registered, { id, name: customer.name, smsNumber: customer.smsNumber });
    return customer;
  }

  static fromState(state: CustomerState): Customer {
    return new Customer(state.id, state.name, state.smsNumber, state.enabled, state.version);
  }

  toState(): CustomerState {
    return { id: this.id, name: this.name, smsNumber: this.smsNumber, enabled: this.enabled, version: this.pendingVersion };
  }

  /** Changes nothing; a disabled customer may not place orders (HTTP 401 / gRPC UNAUTHENTICATED, as the reference). */
  authorize(): void {
    if (!this.enabled) throw new UnauthenticatedError('customer is not authorized');
    this.addEvent(CustomerEvent.Authorized, { id: this.id });
  }

  changeSmsNumber(smsNumber: string): void {
    if (!smsNumber.trim()) throw new InvalidArgumentError('the SMS number cannot be blank');
    if (smsNumber.trim() === this.smsNumber) return; // nothing changes, nothing to tell anyone
    this.smsNumber = smsNumber.trim();
    this.addEvent(CustomerEvent.SmsChanged, { id: this.id, smsNumber: this.smsNumber });
  }

  enable(): void {
    if (this.enabled) throw new FailedPreconditionError('the customer is already enabled');
    this.enabled = true;
    this.addEvent(CustomerEvent.Enabled, { id: this.id });
  }

  disable(): void {
    if (!this.enabled) throw new FailedPreconditionError('the customer is already disabled');
    this.enabled = false;
    this.addEvent(CustomerEvent.Disabled, { id: this.id });
  }
}
