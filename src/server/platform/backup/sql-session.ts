/**
 * One transaction on one connection, with raw SQL. Backups need it because a consistent dump is many
 * queries inside one REPEATABLE READ snapshot, and a restore must land whole or not at all; the shared
 * pool behind `Database.executeSql` may run each query on a different connection.
 */
import postgres from 'postgres';
import type { Database, ExecuteSql } from '../db/database.js';

export type TransactionMode = 'snapshot' | 'write';

/** Runs `work` in one transaction: `snapshot` is REPEATABLE READ READ ONLY, `write` is READ WRITE. */
export async function inTransaction<T>(database: Database, mode: TransactionMode, work: (run: ExecuteSql) => Promise<T>): Promise<T> {
  const characteristics = mode === 'snapshot' ? 'isolation level repeatable read read only' : 'read write';
  if (database.pglite) {
    return database.pglite.transaction(async (tx) => {
      await tx.exec(`set transaction ${characteristics}`);
      return work(async (text, values) => {
        const result = await tx.query<Record<string, unknown>>(text, values ?? []);
        return { rows: result.rows };
      });
    });
  }
  if (!database.url) throw new Error('A PostgreSQL database without a URL cannot open a transaction of its own');
  const client = postgres(database.url, { max: 1, onnotice: () => {} });
  try {
    const result = await client.begin(characteristics, (sql) =>
      work(async (text, values) => {
        const rows = await sql.unsafe(text, (values ?? []) as never[]);
        return { rows: rows as unknown as Array<Record<string, unknown>> };
      }),
    );
    return result as T;
  } finally {
    await client.end({ timeout: 5 });
  }
}
