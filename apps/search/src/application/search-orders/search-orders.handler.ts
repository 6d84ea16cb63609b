import { Inject } from '@nestjs/common';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { encodeCursor, parseSearch } from '../../domain/index.js';
import { ORDER_READ_MODEL, type OrderReadModel } from '../ports/order-read-model.port.js';
import { SearchOrdersQuery, type SearchOrdersResult } from './search-orders.query.js';

/** SearchOrders (requirement I01; the reference panicked, §14.1 item 7): validated filters, keyset paging. */
@QueryHandler(SearchOrdersQuery)
export class SearchOrdersHandler implements IQueryHandler<SearchOrdersQuery> {
  constructor(@Inject(ORDER_READ_MODEL) private readonly orders: OrderReadModel) {}

  async execute(query: SearchOrdersQuery): Promise<SearchOrdersResult> {
    const { filters, page, filtersKey } = parseSearch(query.request);
    // One row more than the page tells whether another page exists without a second query (or an empty last page).
    const hits = await this.orders.search(filters, page);
    const shown = hits.slice(0, page.limit);
    const last = shown.at(-1);
    return { orders: shown.map((hit) => hit.record), next: hits.length > page.limit && last ? encodeCursor(last.position, filtersKey) : '' };
  }
}
