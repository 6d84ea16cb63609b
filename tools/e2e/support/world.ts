// The World of one scenario: the clients it talks through, and what it has created so far, under the names the
// feature gave them ("Nic & Naks", "Alice", order "A1"). Every scenario gets a fresh World and a tag of its own;
// store, product and location names are made unique with it, because every scenario of a run shares the same
// databases (and the mall's lists of stores are global). Customer names stay as written: customers are only ever
// found by id, and their texts greet them by name.
import { randomBytes } from 'node:crypto';
import { defineParameterType, setDefaultTimeout, setWorldConstructor, World, type IWorldOptions } from '@cucumber/cucumber';
import { eventually } from '@mallbots/testing';
import { MallApi, type Reply, type SearchFilters } from './mall-api.ts';
import { SmsSandbox } from './sms-sandbox.ts';

/** What the runner passes in (worldParameters). */
export interface MallParameters {
  /** The Nginx gateway: every request of every scenario goes here. */
  readonly gatewayUrl: string;
  /** The notifications service, read as the SMS provider's sandbox (see sms-sandbox.ts). */
  readonly notificationsUrl: string;
  /** How long an asynchronous outcome may take before the step fails. */
  readonly waitMs?: number;
}

export interface StoreRef {
  readonly id: string;
  name: string;
  readonly location: string;
}

export interface ProductRef {
  readonly id: string;
  readonly store: string;
  readonly name: string;
  /** The price it was added at, in cents. */
  readonly priceCents: number;
}

export interface CustomerRef {
  readonly id: string;
  readonly name: string;
  readonly smsNumber: string;
}

export interface OrderRef {
  readonly id: string;
  readonly label: string;
  readonly customer: string;
}

/** Amounts in features are decimals with two places; compare them in cents, never as floats. */
export const cents = (amount: number): number => Math.round(amount * 100);
export const decimal = (amountInCents: number): string => (amountInCents / 100).toFixed(2);

// Steps that prepare a whole order (checkout, approval, the depot, payment) wait on several asynchronous hops.
setDefaultTimeout(180_000);

/** 9.99, 25.00, -1.00: always two decimal places, so a money amount is never mistaken for a quantity. */
defineParameterType({ name: 'money', regexp: /-?\d+\.\d{2}/, transformer: (s: string) => Number(s) });

/** The order statuses as the business says them. */
defineParameterType({
  name: 'orderStatus',
  regexp: /pending|approved|rejected|cancelled|ready for pickup|completed/,
  transformer: (s: string) => (s === 'ready for pickup' ? 'ready' : s),
});

export class MallWorld extends World<MallParameters> {
  readonly api: MallApi;
  readonly sms: SmsSandbox;
  readonly tag: string;
  readonly waitMs: number;
  readonly stores = new Map<string, StoreRef>();
  readonly products = new Map<string, ProductRef>();
  readonly customers = new Map<string, CustomerRef>();
  /** The customer's current basket. */
  readonly baskets = new Map<string, string>();
  /** The payment the customer's card was last pre-authorised for. */
  readonly cards = new Map<string, string>();
  /** Orders by label; unlabelled orders are labelled with their customer's name. */
  readonly orders = new Map<string, OrderRef>();
  /** The answer to the last thing someone *tried* to do, for "it is refused because …". */
  attempt: Reply | undefined;
  /** The filters of the last search staff made. */
  search: SearchFilters | undefined;

  constructor(options: IWorldOptions<MallParameters>) {
    super(options);
    this.api = new MallApi(this.parameters.gatewayUrl);
    this.sms = new SmsSandbox(this.parameters.notificationsUrl);
    this.tag = randomBytes(3).toString('hex');
    this.waitMs = this.parameters.waitMs ?? 30_000;
  }

  /** A name no other scenario of the run uses; a blank name stays blank (that is what a refusal scenario sends). */
  unique(name: string): string {
    return name.trim() ? `${name} [${this.tag}]` : name;
  }

  store(name: string): StoreRef {
    return known(this.stores, name, 'store');
  }

  product(name: string): ProductRef {
    return known(this.products, name, 'product');
  }

  customer(name: string): CustomerRef {
    return known(this.customers, name, 'customer');
  }

  basketOf(customer: string): string {
    return known(this.baskets, customer, 'basket of customer');
  }

  /** An order by its label, or a customer's latest order when given the customer's name. */
  order(labelOrCustomer: string): OrderRef {
    return known(this.orders, labelOrCustomer, 'order');
  }

  /** Records an order under its label and as its customer's latest. */
  rememberOrder(order: OrderRef): void {
    this.orders.set(order.label, order);
    this.orders.set(order.customer, order);
  }

  /**
   * Polls until `accept` holds for what `probe` returns (the services follow each other asynchronously); never
   * sleeps a fixed time. On timeout the error says what was awaited and what was seen last.
   */
  async waitFor<T>(what: string, probe: () => Promise<T>, accept: (value: T) => boolean, options: { timeoutMs?: number; hopeless?: (value: T) => boolean } = {}): Promise<T> {
    const timeoutMs = options.timeoutMs ?? this.waitMs;
    let last: T | undefined;
    let error: unknown;
    let outcome: { value: T; hopeless: boolean };
    try {
      outcome = (await eventually(
        async () => {
          try {
            last = await probe();
            error = undefined;
          } catch (err) {
            error = err;
            return undefined;
          }
          if (accept(last)) return { value: last, hopeless: false };
          // A state the awaited one can no longer follow (a rejected order never becomes approved): stop waiting.
          if (options.hopeless?.(last)) return { value: last, hopeless: true };
          return undefined;
        },
        { timeoutMs, intervalMs: 100 },
      ))!;
    } catch {
      const seen = error ? `the last attempt failed: ${(error as Error).message}` : `last seen: ${JSON.stringify(last)}`;
      throw new Error(`waited ${timeoutMs} ms for ${what}; ${seen}`);
    }
    if (outcome.hopeless) throw new Error(`${what} can no longer happen; now: ${JSON.stringify(outcome.value)}`);
    return outcome.value;
  }

}

function known<T>(map: Map<string, T>, name: string, what: string): T {
  const value = map.get(name);
  if (value === undefined) throw new Error(`the scenario has no ${what} "${name}" yet (known: ${[...map.keys()].join(', ') || 'none'})`);
  return value;
}

setWorldConstructor(MallWorld);
