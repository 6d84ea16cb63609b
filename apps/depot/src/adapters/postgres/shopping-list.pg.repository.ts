import { Inject, Injectable } from '@nestjs/common';
import { ConflictError, InternalError } from '@mallbots/ddd';
import { TRANSACTION_RUNNER } from '@mallbots/tm';
import { prepared, type TransactionRunner, uniqueViolationConstraint } from '@mallbots/tm/sql';
import { isShoppingListStatus, ShoppingList, type ShoppingListState, type Stops } from '../../domain/index.js';
import type { ShoppingListFilter, ShoppingListRepository } from '../../application/ports/shopping-list.repository.port.js';

const COLUMNS = 'id, order_id, stops, assigned_bot_id, status, version';
const SELECT = prepared(`SELECT ${COLUMNS} FROM shopping_lists WHERE id = $1`);
const SELECT_BY_ORDER = prepared(`SELECT ${COLUMNS} FROM shopping_lists WHERE order_id = $1`);
const LIST = prepared(`SELECT ${COLUMNS} FROM shopping_lists WHERE ($1::text IS NULL OR status = $1) ORDER BY created_at, id LIMIT $2`);
const INSERT = prepared('INSERT INTO shopping_lists (id, order_id, stops, assigned_bot_id, status, version) VALUES ($1, $2, $3, $4, $5, $6)');
const UPDATE = prepared('UPDATE shopping_lists SET assigned_bot_id = $2, status = $3, version = $4, updated_at = now() WHERE id = $1 AND version = $5');

interface ShoppingListRow {
  id: string;
  order_id: string;
  stops: Stops;
  assigned_bot_id: string;
  status: string;
  version: number;
}

@Injectable()
export class ShoppingListPgRepository implements ShoppingListRepository {
  constructor(@Inject(TRANSACTION_RUNNER) private readonly tx: TransactionRunner) {}

  async find(id: string): Promise<ShoppingList | undefined> {
    const { rows } = await this.tx.executor().query<ShoppingListRow>(SELECT, [id]);
    return rows[0] && ShoppingList.fromState(toState(rows[0]));
  }

  async findByOrderId(orderId: string): Promise<ShoppingList | undefined> {
    const { rows } = await this.tx.executor().query<ShoppingListRow>(SELECT_BY_ORDER, [orderId]);
    return rows[0] && ShoppingList.fromState(toState(rows[0]));
  }

  async list(filter: ShoppingListFilter): Promise<ShoppingListState[]> {
    const { rows } = await this.tx.executor().query<ShoppingListRow>(LIST, [filter.status ?? null, filter.limit]);
    return rows.map(toState);
  }

  async save(list: ShoppingList): Promise<void> {
    const { id, orderId, stops, assignedBotId, status, version } = list.toState();
    if (list.version === 0) {
      try {
        await this.tx.executor().query(INSERT, [id, orderId, JSON.stringify(stops), assignedBotId, status, version]);
      } catch (err) {
        // Two creates for one order at once: the loser answers 409 / is redelivered, then finds the winner's list.
        if (uniqueViolationConstraint(err) !== undefined) throw new ConflictError(`the shopping list of order ${orderId} was created concurrently; try again`, [], { cause: err });
        throw err;
      }
    } else if (version !== list.version) {
      const { rowCount } = await this.tx.executor().query(UPDATE, [id, assignedBotId, status, version, list.version]);
      // Someone else changed the list since it was read: the request fails (HTTP 409) or the message is redelivered.
      if (rowCount === 0) throw new ConflictError(`shopping list ${id} was changed concurrently; try again`);
    }
    list.commitEvents();
  }
}

function toState(row: ShoppingListRow): ShoppingListState {
  // The CHECK constraint makes this unreachable; if it ever is, it is a bug in the data, not the caller's input.
  if (!isShoppingListStatus(row.status)) throw new InternalError(`shopping list ${row.id} has the unknown status ${row.status}`);
  return { id: row.id, orderId: row.order_id, stops: row.stops, assignedBotId: row.assigned_bot_id, status: row.status, version: row.version };
}
