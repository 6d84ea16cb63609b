import { Inject } from '@nestjs/common';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { MALL_REPOSITORY, type MallRepository, type StoreView } from '../ports/mall.repository.port.js';
import { GetStoresQuery } from './get-stores.query.js';

@QueryHandler(GetStoresQuery)
export class GetStoresHandler implements IQueryHandler<GetStoresQuery> {
  constructor(@Inject(MALL_REPOSITORY) private readonly mall: MallRepository) {}

  execute(): Promise<StoreView[]> {
    return this.mall.all();
  }
}
