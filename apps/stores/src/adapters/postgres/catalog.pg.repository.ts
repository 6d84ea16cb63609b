import { Inject, Injectable } from '@nestjs/common';
import { Money } from '@mallbots/ddd';
import { TRANSACTION_RUNNER } from '@mallbots/tm';
import { prepared, type Statement, type TransactionRunner } from '@mallbots/tm/sql';
import type { CatalogRepository, ProductView } from '../../application/ports/catalog.repository.port.js';

const COLUMNS = 'id, store_id, name, description, sku, price_cents';
const INSERT = prepared('INSERT INTO products (id, store_id, name, description, sku, price_cents) VALUES ($1, $2, $3, $4, $5, $6)');
const REBRAND = prepared('UPDATE products SET name = $2, description = $3, updated_at = now() WHERE id = $1');
// Integer arithmetic in the database: the delta lands exactly, whatever order the changes commit in.
const CHANGE_PRICE = prepared('UPDATE products SET price_cents = price_cents + $2, updated_at = now() WHERE id = $1');
const REMOVE = prepared('DELETE FROM products WHERE id = $1');
const FIND = prepared(`SELECT ${COLUMNS} FROM products WHERE id = $1`);
const BY_STORE = prepared(`SELECT ${COLUMNS} FROM products WHERE store_id = $1 ORDER BY created_at, id`);

interface ProductRow {
  id: string;
  store_id: string;
  name: string;
  description: string;
  sku: string;
  /** bigint: pg hands it over as a string. */
  price_cents: string;
}

/** The catalog read model on the `products` table (prices in integer cents), through the request's transaction. */
@Injectable()
export class CatalogPgRepository implements CatalogRepository {
  constructor(@Inject(TRANSACTION_RUNNER) private readonly tx: TransactionRunner) {}

  async add(product: ProductView): Promise<void> {
    const { id, storeId, name, description, sku, price } = product;
    await this.tx.executor().query(INSERT, [id, storeId, name, description, sku, price.cents]);
  }

  async rebrand(id: string, name: string, description: string): Promise<void> {
    await this.update(REBRAND, [id, name, description]);
  }

  async changePrice(id: string, delta: Money): Promise<void> {
    await this.update(CHANGE_PRICE, [id, delta.cents]);
  }

  async remove(id: string): Promise<void> {
    await this.update(REMOVE, [id]);
  }

  async find(id: string): Promise<ProductView | undefined> {
    const { rows } = await this.tx.executor().query<ProductRow>(FIND, [id]);
    return rows[0] && toView(rows[0]);
  }

  async byStore(storeId: string): Promise<ProductView[]> {
    const { rows } = await this.tx.executor().query<ProductRow>(BY_STORE, [storeId]);
    return rows.map(toView);
  }

  /**
   * The row was written with the stream's first event, and the domain refuses commands on removed products, so a
   * missing row means the read model lost step with the events: fail (the command rolls back) instead of
   * dropping the change silently as the reference's plain UPDATEs did.
   */
  private async update(statement: Statement, params: unknown[]): Promise<void> {
    const { rowCount } = await this.tx.executor().query(statement, params);
    if (rowCount !== 1) throw new Error(`the catalog read model has no product ${String(params[0])}`);
  }
}

function toView(row: ProductRow): ProductView {
  return {
    id: row.id,
    storeId: row.store_id,
    name: row.name,
    description: row.description,
    sku: row.sku,
    price: Money.ofCents(Number(row.price_cents)),
  };
}
