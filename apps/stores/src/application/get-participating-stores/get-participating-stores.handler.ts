import { Inject } from '@nestjs/common';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { MALL_REPOSITORY, type MallRepository, type StoreView } from '../ports/mall.repository.port.js';
import { GetParticipatingStoresQuery } from './get-participating-stores.query.js';

/** The stores a kiosk offers (requirements B: customers choose items from participating stores). */
@QueryHandler(GetParticipatingStoresQuery)
export class GetParticipatingStoresHandler implements IQueryHandler<GetParticipatingStoresQuery> {
  constructor(@Inject(MALL_REPOSITORY) private readonly mall: MallRepository) {}

  execute(): Promise<StoreView[]> {
    return this.mall.allParticipating();
  }
}
