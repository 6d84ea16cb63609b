import { Controller, Inject } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import {
  type AddItemRequest,
  type BasketServiceController,
  BasketServiceControllerMethods,
  type CancelBasketRequest,
  type CheckoutBasketRequest,
  type GetBasketRequest,
  type GetBasketResponse,
  type RemoveItemRequest,
  type StartBasketRequest,
  type StartBasketResponse,
} from '@mallbots/contracts/baskets';
import { AddItemCommand } from '../../application/add-item/add-item.command.js';
import { CancelBasketCommand } from '../../application/cancel-basket/cancel-basket.command.js';
import { CheckoutBasketCommand } from '../../application/checkout-basket/checkout-basket.command.js';
import { GetBasketQuery } from '../../application/get-basket/get-basket.query.js';
import { RemoveItemCommand } from '../../application/remove-item/remove-item.command.js';
import { StartBasketCommand } from '../../application/start-basket/start-basket.command.js';

/**
 * basketspb.BasketService (reference-behaviour §3.2); errors become gRPC statuses in the platform's ErrorFilter.
 * GetBasket answers the contract's Basket (id and lines); the status, customer and total are REST additions only,
 * because the proto message has no fields for them.
 */
@Controller()
@BasketServiceControllerMethods()
export class BasketsGrpcController implements BasketServiceController {
  constructor(
    @Inject(CommandBus) private readonly commands: CommandBus,
    @Inject(QueryBus) private readonly queries: QueryBus,
  ) {}

  startBasket(request: StartBasketRequest): Promise<StartBasketResponse> {
    return this.commands.execute(new StartBasketCommand(request.customerId ?? ''));
  }

  async cancelBasket(request: CancelBasketRequest): Promise<object> {
    await this.commands.execute(new CancelBasketCommand(request.id ?? ''));
    return {};
  }

  async checkoutBasket(request: CheckoutBasketRequest): Promise<object> {
    await this.commands.execute(new CheckoutBasketCommand(request.id ?? '', request.paymentId ?? ''));
    return {};
  }

  async addItem(request: AddItemRequest): Promise<object> {
    await this.commands.execute(new AddItemCommand(request.id ?? '', request.productId ?? '', request.quantity ?? 0));
    return {};
  }

  async removeItem(request: RemoveItemRequest): Promise<object> {
    await this.commands.execute(new RemoveItemCommand(request.id ?? '', request.productId ?? '', request.quantity ?? 0));
    return {};
  }

  async getBasket(request: GetBasketRequest): Promise<GetBasketResponse> {
    const view = await this.queries.execute(new GetBasketQuery(request.id ?? ''));
    return {
      basket: {
        id: view.id,
        items: view.items.map((item) => ({
          storeId: item.storeId,
          productId: item.productId,
          storeName: item.storeName,
          productName: item.productName,
          productPrice: item.price.toDecimal(),
          quantity: item.quantity,
        })),
      },
    };
  }
}
