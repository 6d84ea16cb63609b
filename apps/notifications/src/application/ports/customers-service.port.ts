export const CUSTOMERS_SERVICE = Symbol.for('notifications.CustomersService');

export interface RemoteCustomer {
  readonly id: string;
  readonly name: string;
  readonly smsNumber: string;
  readonly enabled: boolean;
}

/** The customers service's GetCustomer, for cache misses (H03). NotFoundError when it does not know the id; UnavailableError when it cannot be asked. */
export interface CustomersService {
  getCustomer(id: string): Promise<RemoteCustomer>;
}
