/**
 * Notifications' copy of what it needs of a customer (requirements 1.10, H03, N04): the SMS number, the name for a
 * greeting, and whether the customer is enabled. Customers owns the data; this copy is fed by its integration events
 * (event-carried state transfer) and by the GetCustomer fallback.
 *
 * Events reach us at least once and in any order (O09, O10): the customers events are one durable consumer, but a
 * redelivery after a failure, a dead-letter replay, or competing replicas can reorder them. Customer events carry no
 * version, so each field remembers when the fact that set it happened (the event's `occurredAt`, or the time of a
 * fallback answer) and a fact only replaces an older one: last writer wins per field. Consequences:
 * - a CustomerSmsChanged handled before its CustomerRegistered leaves a partial row; the late CustomerRegistered
 *   fills in the name but does not bring the old number back;
 * - a duplicate (same time) changes nothing;
 * - a CustomerDisabled before CustomerRegistered keeps the customer disabled.
 * The times come from the customers service's clocks; skew between its replicas larger than the gap between two
 * changes of one customer could pick the wrong winner (accepted: such changes are human-paced).
 */
export interface CachedCustomerState {
  readonly id: string;
  /** Known once CustomerRegistered (or a fallback answer) arrived. */
  readonly name?: string;
  readonly smsNumber?: string;
  readonly smsNumberAt?: Date;
  /** `undefined`: nothing said yet. Customers register enabled. */
  readonly enabled?: boolean;
  readonly enabledAt?: Date;
}

export class CachedCustomer {
  private constructor(readonly state: CachedCustomerState) {}

  /** A customer we have heard nothing about yet. */
  static unknown(id: string): CachedCustomer {
    return new CachedCustomer({ id });
  }

  static fromState(state: CachedCustomerState): CachedCustomer {
    return new CachedCustomer(state);
  }

  get id(): string {
    return this.state.id;
  }

  /** Without an SMS number there is nobody to text: the caller must ask Customers. */
  get reachable(): boolean {
    return !!this.state.smsNumber;
  }

  /** Disabled customers get no SMS; an unknown status counts as enabled (customers register enabled). */
  get enabled(): boolean {
    return this.state.enabled !== false;
  }

  /** CustomerRegistered: name, number and "enabled", each unless a newer fact is already known. */
  registered(fact: { name: string; smsNumber: string }, at: Date): CachedCustomer {
    return this.withName(fact.name).withSmsNumber(fact.smsNumber, at).withEnabled(true, at);
  }

  /** CustomerSmsChanged. */
  smsNumberChanged(smsNumber: string, at: Date): CachedCustomer {
    return this.withSmsNumber(smsNumber, at);
  }

  /** CustomerEnabled / CustomerDisabled. */
  enabledChanged(enabled: boolean, at: Date): CachedCustomer {
    return this.withEnabled(enabled, at);
  }

  /** A GetCustomer answer: the customer as it was at `at` (when the call was made). */
  fetched(fact: { name: string; smsNumber: string; enabled: boolean }, at: Date): CachedCustomer {
    return this.withName(fact.name).withSmsNumber(fact.smsNumber, at).withEnabled(fact.enabled, at);
  }

  /** Whether `other` differs (so a no-op event writes nothing). */
  sameAs(other: CachedCustomer): boolean {
    const a = this.state;
    const b = other.state;
    return a.name === b.name && a.smsNumber === b.smsNumber && a.enabled === b.enabled && a.smsNumberAt?.getTime() === b.smsNumberAt?.getTime() && a.enabledAt?.getTime() === b.enabledAt?.getTime();
  }

  /** The name never changes in Customers (there is no rename), so any known name is the name. */
  private withName(name: string): CachedCustomer {
    return name && name !== this.state.name ? new CachedCustomer({ ...this.state, name }) : this;
  }

  private withSmsNumber(smsNumber: string, at: Date): CachedCustomer {
    if (!smsNumber || !newer(at, this.state.smsNumberAt)) return this;
    return new CachedCustomer({ ...this.state, smsNumber, smsNumberAt: at });
  }

  private withEnabled(enabled: boolean, at: Date): CachedCustomer {
    if (!newer(at, this.state.enabledAt)) return this;
    return new CachedCustomer({ ...this.state, enabled, enabledAt: at });
  }
}

/** Strictly newer: the same fact delivered twice (same time) is not applied twice. */
function newer(at: Date, known: Date | undefined): boolean {
  return known === undefined || at.getTime() > known.getTime();
}
