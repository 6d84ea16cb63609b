import { Inject } from '@nestjs/common';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { BASKET_REPOSITORY, type BasketRepository } from '../ports/basket.repository.port.js';
import { type BasketView, GetBasketQuery } from './get-basket.query.js';

@QueryHandler(GetBasketQuery)
export class GetBasketHandler implements IQueryHandler<GetBasketQuery> {
  constructor(@Inject(BASKET_REPOSITORY) private readonly baskets: BasketRepository) {}

  async execute(query: GetBasketQuery): Promise<BasketView> {
    const basket = await this.baskets.get(query.id);
    return {
      id: basket.id,
      customerId: basket.customerId ?? '',
      paymentId: basket.paymentId,
      status: basket.status,
      items: basket.items.map(({ storeId, storeName, productId, productName, price, quantity }) => ({ storeId, storeName, productId, productName, price, quantity })),
      total: basket.total(),
    };
  }
}
