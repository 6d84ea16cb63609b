import { InvalidArgumentError, Money } from '@mallbots/ddd';
import { decodeCursor, type OrderRecord, OrderStatus, parseSearch, type SearchFilters, type SearchPage } from '../../domain/index.js';
import type { OrderReadModel, SearchHit } from '../ports/order-read-model.port.js';
import { SearchOrdersHandler } from './search-orders.handler.js';
import { SearchOrdersQuery } from './search-orders.query.js';

const record = (orderId: string): OrderRecord => ({
  orderId,
  customerId: 'c1',
  customerName: 'John',
  paymentId: 'pay',
  items: [],
  total: Money.zero,
  status: OrderStatus.Pending,
  createdAt: new Date(0),
});
const hit = (n: number): SearchHit => ({ record: record(`o${n}`), position: { createdAtMicros: String(1000 - n), orderId: `o${n}` } });

/** A read model holding `total` orders that pages like the real one (limit + 1 rows after the position). */
function readModel(total: number): OrderReadModel & { asked: Array<[SearchFilters, SearchPage]> } {
  const all = Array.from({ length: total }, (_, i) => hit(i));
  const asked: Array<[SearchFilters, SearchPage]> = [];
  const unused = () => Promise.reject(new Error('not used'));
  return {
    asked,
    created: unused,
    statusChanged: unused,
    customerNamed: unused,
    find: unused,
    async search(filters, page) {
      asked.push([filters, page]);
      const start = page.after ? all.findIndex((h) => h.position.orderId === page.after!.orderId) + 1 : 0;
      return all.slice(start, start + page.limit + 1);
    },
  };
}

describe('SearchOrdersHandler', () => {
  it('pages through every order exactly once, with no cursor after the last page', async () => {
    const handler = new SearchOrdersHandler(readModel(7));
    const seen: string[] = [];
    let next = '';
    let pages = 0;
    do {
      const result = await handler.execute(new SearchOrdersQuery({ status: 'pending', limit: 3, next }));
      seen.push(...result.orders.map((o) => o.orderId));
      next = result.next;
      pages++;
    } while (next);
    expect(seen).toEqual(['o0', 'o1', 'o2', 'o3', 'o4', 'o5', 'o6']);
    expect(pages).toBe(3);
  });

  it('answers no cursor when the page is exactly full and nothing follows', async () => {
    const result = await new SearchOrdersHandler(readModel(3)).execute(new SearchOrdersQuery({ limit: 3 }));
    expect([result.orders.length, result.next]).toEqual([3, '']);
  });

  it('hands the read model validated filters and a cursor bound to them', async () => {
    const model = readModel(5);
    const result = await new SearchOrdersHandler(model).execute(new SearchOrdersQuery({ storeIds: ['s1'], limit: 2 }));
    expect(model.asked[0]).toEqual([{ storeIds: ['s1'], productIds: [] }, { limit: 2, after: undefined }]);
    expect(decodeCursor(result.next, parseSearch({ storeIds: ['s1'] }).filtersKey)).toEqual({ createdAtMicros: '999', orderId: 'o1' });
  });

  it('refuses bad input before asking the read model', async () => {
    const model = readModel(1);
    await expect(new SearchOrdersHandler(model).execute(new SearchOrdersQuery({ minTotal: -5 }))).rejects.toThrow(InvalidArgumentError);
    expect(model.asked).toEqual([]);
  });
});
