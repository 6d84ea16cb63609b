import type { TransactionRunner } from './sql.js';

let counter = 0;

/**
 * An Isolation (libs/am CommandHandlerOptions) for the current transaction: the work runs after a SAVEPOINT and,
 * if it throws, everything it wrote is rolled back to that savepoint while the transaction itself goes on. A
 * command handler that refuses (a DomainError answered with a Failure reply, committed with the reply) thereby
 * leaves none of its partial writes behind. Outside a transaction the work gets a transaction of its own.
 */
export function inSavepoint(tx: TransactionRunner): <T>(work: () => Promise<T>) => Promise<T> {
  return async (work) => {
    if (!tx.inTransaction()) return tx.run(work);
    const db = tx.executor();
    const name = `mallbots_sp_${++counter}`;
    await db.query(`SAVEPOINT ${name}`);
    let result;
    try {
      result = await work();
    } catch (err) {
      await db.query(`ROLLBACK TO SAVEPOINT ${name}`);
      throw err;
    }
    await db.query(`RELEASE SAVEPOINT ${name}`);
    return result;
  };
}
