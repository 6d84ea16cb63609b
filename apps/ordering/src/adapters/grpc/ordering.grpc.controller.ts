import { Controller, Inject } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import {
  type CancelOrderRequest,
  type CompleteOrderRequest,
  type CreateOrderRequest,
  type CreateOrderResponse,
  type GetOrderRequest,
  type GetOrderResponse,
  type Item,
  type OrderingServiceController,
  OrderingServiceControllerMethods,
  type ReadyOrderRequest,
} from '@mallbots/contracts/ordering';
import { newId } from '@mallbots/ddd';
import { CancelOrderCommand } from '../../application/cancel-order/cancel-order.command.js';
import { CompleteOrderCommand } from '../../application/complete-order/complete-order.command.js';
import { CreateOrderCommand } from '../../application/create-order/create-order.command.js';
import { GetOrderQuery } from '../../application/get-order/get-order.query.js';
import { ReadyOrderCommand } from '../../application/ready-order/ready-order.command.js';

/**
 * orderingpb.OrderingService (reference-behaviour §3.5); errors become gRPC statuses in the platform's ErrorFilter.
 * Differences from the reference: GetOrder of an unknown id is NOT_FOUND (not an empty order), ReadyOrder and
 * CompleteOrder report refusals instead of swallowing them, and CompleteOrder records its invoice_id (§14.1 item 4).
 */
@Controller()
@OrderingServiceControllerMethods()
export class OrderingGrpcController implements OrderingServiceController {
  constructor(
    @Inject(CommandBus) private readonly commands: CommandBus,
    @Inject(QueryBus) private readonly queries: QueryBus,
  ) {}

  createOrder(request: CreateOrderRequest): Promise<CreateOrderResponse> {
    const items = (request.items ?? []).map((i: Partial<Item>) => ({
      productId: i.productId ?? '',
      storeId: i.storeId ?? '',
      storeName: i.storeName ?? '',
      productName: i.productName ?? '',
      price: i.price ?? 0,
      quantity: i.quantity ?? 0,
    }));
    return this.commands.execute(new CreateOrderCommand(newId(), request.customerId ?? '', request.paymentId ?? '', items));
  }

  async getOrder(request: GetOrderRequest): Promise<GetOrderResponse> {
    const view = await this.queries.execute(new GetOrderQuery(request.id ?? ''));
    // shopping_id and invoice_id are additive proto fields (empty until known), as in the REST answer.
    const { id, customerId, paymentId, status } = view;
    return { order: { id, customerId, paymentId, status, items: view.items.map((i) => ({ ...i })), shoppingId: view.shoppingId ?? '', invoiceId: view.invoiceId ?? '' } };
  }

  async cancelOrder(request: CancelOrderRequest): Promise<object> {
    await this.commands.execute(new CancelOrderCommand(request.id ?? ''));
    return {};
  }

  async readyOrder(request: ReadyOrderRequest): Promise<object> {
    await this.commands.execute(new ReadyOrderCommand(request.id ?? ''));
    return {};
  }

  async completeOrder(request: CompleteOrderRequest): Promise<object> {
    await this.commands.execute(new CompleteOrderCommand(request.id ?? '', request.invoiceId ?? ''));
    return {};
  }
}
