import { Inject } from '@nestjs/common';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { StoreErrors } from '../../domain/index.js';
import { MALL_REPOSITORY, type MallRepository, type StoreView } from '../ports/mall.repository.port.js';
import { GetStoreQuery } from './get-store.query.js';

/** From the mall read model; an unknown id is a 404 (the reference answered a raw sql.ErrNoRows, HTTP 500, §14.4 item 34). */
@QueryHandler(GetStoreQuery)
export class GetStoreHandler implements IQueryHandler<GetStoreQuery> {
  constructor(@Inject(MALL_REPOSITORY) private readonly mall: MallRepository) {}

  async execute(query: GetStoreQuery): Promise<StoreView> {
    const store = await this.mall.find(query.id);
    if (!store) throw StoreErrors.notFound();
    return store;
  }
}
