import type { OnApplicationShutdown } from '@nestjs/common';
import type { GetCustomerRequest, GetCustomerResponse } from '@mallbots/contracts/customers';
import { NotFoundError } from '@mallbots/ddd';
import type { CustomersService } from '../../application/ports/remote-services.port.js';
import { type FallbackClientOptions, FallbackGrpcClient } from './fallback.client.js';

/** customerspb.CustomersService at RPC_SERVICES[CUSTOMERS], for customer names the cache misses. */
export class CustomersGrpcClient implements CustomersService, OnApplicationShutdown {
  private readonly client: FallbackGrpcClient;

  constructor(address: string, options?: FallbackClientOptions) {
    this.client = new FallbackGrpcClient('customers', address, options);
  }

  async getCustomerName(id: string): Promise<string> {
    const { customer } = await this.client.call<GetCustomerRequest, GetCustomerResponse>('getCustomer', { id });
    if (!customer) throw new NotFoundError(`customer ${id} not found`);
    return customer.name;
  }

  onApplicationShutdown(): void {
    this.client.close();
  }
}
