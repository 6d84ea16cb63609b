import type { GetCustomerRequest, GetCustomerResponse } from '@mallbots/contracts/customers';
import { NotFoundError } from '@mallbots/ddd';
import { ResilientGrpcClient, type ResilientGrpcClientOptions } from '@mallbots/platform';
import type { CustomersService } from '../../application/ports/remote-services.port.js';

/**
 * customerspb.CustomersService at RPC_SERVICES[CUSTOMERS], for customer names the cache misses: a
 * ResilientGrpcClient (deadline, retry, circuit breaker, typed errors; libs/platform) that keeps only the name.
 */
export class CustomersGrpcClient extends ResilientGrpcClient implements CustomersService {
  constructor(address: string, options?: ResilientGrpcClientOptions) {
    super('customers', address, options);
  }

  async getCustomerName(id: string): Promise<string> {
    const { customer } = await this.call<GetCustomerRequest, GetCustomerResponse>('getCustomer', { id });
    if (!customer) throw new NotFoundError(`customer ${id} not found`);
    return customer.name;
  }
}
