import { Inject, Injectable } from '@nestjs/common';
import { Money } from '@mallbots/ddd';
import { TRANSACTION_RUNNER } from '@mallbots/tm';
import { prepared, type TransactionRunner } from '@mallbots/tm/sql';
import { type OrderRecord, type OrderStatus, type SearchFilters, type SearchPage, statusRank } from '../../domain/index.js';
import type { OrderReadModel, SearchHit, StatusChange } from '../../application/ports/order-read-model.port.js';
import { buildSearchQuery, ORDER_COLUMNS } from './search-query.js';

// OrderCreated fills a new row or a placeholder; an order already created is left alone (a duplicate changes
// nothing). The placeholder's status is kept: it came from a later event, and pending ranks below every other.
const CREATED = prepared(
  `INSERT INTO orders (order_id, customer_id, customer_name, payment_id, items, total_cents, status, status_rank, product_ids, store_ids, created_at)
   VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
   ON CONFLICT (order_id) DO UPDATE SET customer_id = EXCLUDED.customer_id, customer_name = EXCLUDED.customer_name,
     payment_id = EXCLUDED.payment_id, items = EXCLUDED.items, total_cents = EXCLUDED.total_cents,
     product_ids = EXCLUDED.product_ids, store_ids = EXCLUDED.store_ids, created_at = EXCLUDED.created_at, updated_at = now()
   WHERE orders.created_at IS NULL`,
);
// A status only moves forward (status_rank), so the events' arrival order does not matter.
const STATUS_CHANGED = prepared(
  `INSERT INTO orders (order_id, customer_id, payment_id, status, status_rank) VALUES ($1, $2, $3, $4, $5)
   ON CONFLICT (order_id) DO UPDATE SET status = EXCLUDED.status, status_rank = EXCLUDED.status_rank, updated_at = now()
   WHERE orders.status_rank < EXCLUDED.status_rank`,
);
const CUSTOMER_NAMED = prepared(`UPDATE orders SET customer_name = $2, updated_at = now() WHERE customer_id = $1 AND customer_name = ''`);
const FIND = prepared(`SELECT ${ORDER_COLUMNS} FROM orders WHERE order_id = $1 AND created_at IS NOT NULL`);

/** A line as stored in `items` (jsonb): integer cents, never a float price. */
interface StoredLine {
  productId: string;
  storeId: string;
  productName: string;
  storeName: string;
  priceCents: number;
  quantity: number;
}

interface OrderRow {
  order_id: string;
  customer_id: string;
  customer_name: string;
  payment_id: string;
  items: StoredLine[];
  total_cents: string;
  status: OrderStatus;
  created_at: Date;
  created_us: string;
}

@Injectable()
export class OrderReadModelPgRepository implements OrderReadModel {
  constructor(@Inject(TRANSACTION_RUNNER) private readonly tx: TransactionRunner) {}

  async created(record: OrderRecord): Promise<void> {
    const lines: StoredLine[] = record.items.map(({ productId, storeId, productName, storeName, price, quantity }) => ({
      productId,
      storeId,
      productName,
      storeName,
      priceCents: price.cents,
      quantity,
    }));
    await this.tx.executor().query(CREATED, [
      record.orderId,
      record.customerId,
      record.customerName,
      record.paymentId,
      JSON.stringify(lines),
      record.total.cents,
      record.status,
      statusRank(record.status),
      [...new Set(record.items.map((line) => line.productId))],
      [...new Set(record.items.map((line) => line.storeId).filter(Boolean))],
      record.createdAt,
    ]);
  }

  async statusChanged(change: StatusChange): Promise<void> {
    await this.tx.executor().query(STATUS_CHANGED, [change.orderId, change.customerId, change.paymentId, change.status, statusRank(change.status)]);
  }

  async customerNamed(customerId: string, name: string): Promise<void> {
    await this.tx.executor().query(CUSTOMER_NAMED, [customerId, name]);
  }

  async find(orderId: string): Promise<OrderRecord | undefined> {
    const { rows } = await this.tx.executor().query<OrderRow>(FIND, [orderId]);
    return rows[0] && recordOf(rows[0]);
  }

  async search(filters: SearchFilters, page: SearchPage): Promise<SearchHit[]> {
    const { text, values } = buildSearchQuery(filters, page);
    const { rows } = await this.tx.executor().query<OrderRow>(text, values);
    return rows.map((row) => ({ record: recordOf(row), position: { createdAtMicros: row.created_us, orderId: row.order_id } }));
  }
}

function recordOf(row: OrderRow): OrderRecord {
  return {
    orderId: row.order_id,
    customerId: row.customer_id,
    customerName: row.customer_name,
    paymentId: row.payment_id,
    items: row.items.map(({ productId, storeId, productName, storeName, priceCents, quantity }) => ({
      productId,
      storeId,
      productName,
      storeName,
      price: Money.ofCents(priceCents),
      quantity,
    })),
    total: Money.ofCents(Number(row.total_cents)),
    status: row.status,
    createdAt: row.created_at,
  };
}
