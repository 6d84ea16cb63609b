import { Controller, Inject } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import {
  type GetOrderRequest,
  type GetOrderResponse,
  type Order,
  type SearchOrdersRequest,
  type SearchOrdersResponse,
  type SearchServiceController,
  SearchServiceControllerMethods,
  type Timestamp,
} from '@mallbots/contracts/search';
import { GetOrderQuery } from '../../application/get-order/get-order.query.js';
import { SearchOrdersQuery } from '../../application/search-orders/search-orders.query.js';
import type { OrderRecord } from '../../domain/index.js';

/**
 * searchpb.SearchService (reference-behaviour §3.8), both RPCs implemented (the reference panicked, §14.1 item 7).
 * Errors become gRPC statuses in the platform's ErrorFilter: INVALID_ARGUMENT for bad filters or cursors,
 * NOT_FOUND for an unknown order.
 */
@Controller()
@SearchServiceControllerMethods()
export class SearchGrpcController implements SearchServiceController {
  constructor(@Inject(QueryBus) private readonly queries: QueryBus) {}

  async searchOrders(request: SearchOrdersRequest): Promise<SearchOrdersResponse> {
    // proto-loader hands absent messages over as null and fills repeated fields and scalars with their zero values.
    const filters = request.filters ?? undefined;
    const result = await this.queries.execute(
      new SearchOrdersQuery({
        customerId: filters?.customerId,
        after: dateOf(filters?.after),
        before: dateOf(filters?.before),
        storeIds: filters?.storeIds,
        productIds: filters?.productIds,
        minTotal: filters?.minTotal,
        maxTotal: filters?.maxTotal,
        status: filters?.status,
        next: request.next,
        limit: request.limit,
      }),
    );
    return { orders: result.orders.map(toOrderMessage), next: result.next };
  }

  async getOrder(request: GetOrderRequest): Promise<GetOrderResponse> {
    return { order: toOrderMessage(await this.queries.execute(new GetOrderQuery(request.id ?? ''))) };
  }
}

function dateOf(timestamp: Timestamp | null | undefined): Date | undefined {
  if (!timestamp) return undefined;
  return new Date(Number(timestamp.seconds) * 1000 + Math.floor((timestamp.nanos ?? 0) / 1e6));
}

/** The contract's Order; prices and the total leave as the wire's decimals (exact cents inside). */
export function toOrderMessage(record: OrderRecord): Order {
  return {
    orderId: record.orderId,
    customerId: record.customerId,
    customerName: record.customerName,
    items: record.items.map((line) => ({
      productId: line.productId,
      storeId: line.storeId,
      productName: line.productName,
      storeName: line.storeName,
      price: line.price.toDecimal(),
      quantity: line.quantity,
    })),
    total: record.total.toDecimal(),
    status: record.status,
  };
}
