import type { GetCustomerRequest, GetCustomerResponse } from '@mallbots/contracts/customers';
import { NotFoundError } from '@mallbots/ddd';
import { ResilientGrpcClient, type ResilientGrpcClientOptions } from '@mallbots/platform';
import type { CustomersService, RemoteCustomer } from '../../application/ports/customers-service.port.js';

export type CustomersClientOptions = ResilientGrpcClientOptions;

/**
 * customerspb.CustomersService/GetCustomer for the cache fallback (reference-behaviour §3.7), at
 * `RPC_SERVICES[CUSTOMERS]`: a ResilientGrpcClient (libs/platform: one channel, a deadline per call, one retry of an
 * unreachable call, a circuit breaker so that while Customers is down each message fails at once and is redelivered
 * with backoff instead of waiting out its deadline with a transaction open; typed errors). Keeps what notifications
 * caches: name, SMS number, enabled.
 */
export class CustomersGrpcClient extends ResilientGrpcClient implements CustomersService {
  constructor(address: string, options?: CustomersClientOptions) {
    super('customers', address, options);
  }

  async getCustomer(id: string): Promise<RemoteCustomer> {
    const { customer } = await this.call<GetCustomerRequest, GetCustomerResponse>('getCustomer', { id });
    if (!customer) throw new NotFoundError(`customer ${id} not found`);
    return { id: customer.id, name: customer.name, smsNumber: customer.smsNumber, enabled: customer.enabled };
  }
}
