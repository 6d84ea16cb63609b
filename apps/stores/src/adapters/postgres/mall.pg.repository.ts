import { Inject, Injectable } from '@nestjs/common';
import { TRANSACTION_RUNNER } from '@mallbots/tm';
import { prepared, type Statement, type TransactionRunner } from '@mallbots/tm/sql';
import type { MallRepository, StoreView } from '../../application/ports/mall.repository.port.js';

const COLUMNS = 'id, name, location, participating';
const INSERT = prepared('INSERT INTO stores (id, name, location, participating) VALUES ($1, $2, $3, false)');
const SET_PARTICIPATION = prepared('UPDATE stores SET participating = $2, updated_at = now() WHERE id = $1');
const RENAME = prepared('UPDATE stores SET name = $2, updated_at = now() WHERE id = $1');
const FIND = prepared(`SELECT ${COLUMNS} FROM stores WHERE id = $1`);
const ALL = prepared(`SELECT ${COLUMNS} FROM stores ORDER BY created_at, id`);
const ALL_PARTICIPATING = prepared(`SELECT ${COLUMNS} FROM stores WHERE participating ORDER BY created_at, id`);

interface StoreRow {
  id: string;
  name: string;
  location: string;
  participating: boolean;
}

/** The mall read model on the `stores` table, through the request's transaction. */
@Injectable()
export class MallPgRepository implements MallRepository {
  constructor(@Inject(TRANSACTION_RUNNER) private readonly tx: TransactionRunner) {}

  async add(store: { id: string; name: string; location: string }): Promise<void> {
    // A plain INSERT: the row is written with the stream's first event, so a duplicate can only be a bug.
    await this.tx.executor().query(INSERT, [store.id, store.name, store.location]);
  }

  async setParticipation(id: string, participating: boolean): Promise<void> {
    await this.update(SET_PARTICIPATION, [id, participating]);
  }

  async rename(id: string, name: string): Promise<void> {
    await this.update(RENAME, [id, name]);
  }

  async find(id: string): Promise<StoreView | undefined> {
    const { rows } = await this.tx.executor().query<StoreRow>(FIND, [id]);
    return rows[0] && toView(rows[0]);
  }

  async all(): Promise<StoreView[]> {
    const { rows } = await this.tx.executor().query<StoreRow>(ALL);
    return rows.map(toView);
  }

  async allParticipating(): Promise<StoreView[]> {
    const { rows } = await this.tx.executor().query<StoreRow>(ALL_PARTICIPATING);
    return rows.map(toView);
  }

  /**
   * The row was written in the transaction of the stream's first event, so a missing one means the read model lost
   * step with the events: fail (the command rolls back) rather than silently serve stale data (reference §6).
   */
  private async update(statement: Statement, params: unknown[]): Promise<void> {
    const { rowCount } = await this.tx.executor().query(statement, params);
    if (rowCount !== 1) throw new Error(`the mall read model has no store ${String(params[0])}`);
  }
}

function toView(row: StoreRow): StoreView {
  return { id: row.id, name: row.name, location: row.location, participating: row.participating };
}
