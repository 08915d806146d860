/**
 * Loading dumped tables back: foreign-key order, batched inserts through `json_populate_recordset`
 * (PostgreSQL itself turns the JSON text back into jsonb, text[], timestamptz, bigint… exactly), and
 * sequences moved past the restored ids. Every function runs inside the caller's transaction.
 */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { ExecuteSql } from '../db/database.js';

const BATCH_ROWS = 500;
const BATCH_CHARS = 4 * 1024 * 1024;

function quote(identifier: string): string {
  return `"${identifier.replaceAll('"', '""')}"`;
}

export async function* readLines(file: string): AsyncGenerator<string> {
  const lines = createInterface({ input: createReadStream(file, { encoding: 'utf8' }), crlfDelay: Number.POSITIVE_INFINITY });
  for await (const line of lines) if (line.length > 0) yield line;
}

/** Empties every application table at once (TRUNCATE … CASCADE ignores the order). */
export async function emptyTables(run: ExecuteSql, tables: string[]): Promise<void> {
  if (tables.length > 0) await run(`truncate ${tables.map(quote).join(', ')} restart identity cascade`);
}

/** Tables ordered so each comes after the tables it references (from pg_constraint); self-references are ignored. */
export async function orderByForeignKeys(run: ExecuteSql, tables: string[]): Promise<string[]> {
  const { rows } = await run(
    `select c.relname as child, p.relname as parent
       from pg_constraint k join pg_class c on c.oid = k.conrelid join pg_class p on p.oid = k.confrelid
      where k.contype = 'f' and k.connamespace = 'public'::regnamespace and p.relnamespace = 'public'::regnamespace`,
  );
  const parents = new Map(tables.map((table) => [table, new Set<string>()]));
  for (const row of rows) {
    const child = String(row.child);
    const parent = String(row.parent);
    if (child !== parent && parents.has(parent)) parents.get(child)?.add(parent);
  }
  const ordered: string[] = [];
  const placed = new Set<string>();
  while (placed.size < tables.length) {
    const ready = tables.filter((table) => !placed.has(table) && [...(parents.get(table) ?? [])].every((parent) => placed.has(parent)));
    if (ready.length === 0) throw new Error(`Foreign keys form a cycle among: ${tables.filter((table) => !placed.has(table)).join(', ')}`);
    for (const table of ready) {
      ordered.push(table);
      placed.add(table);
    }
  }
  return ordered;
}

async function insertableColumns(run: ExecuteSql, table: string): Promise<{ columns: string[]; hasAlwaysIdentity: boolean }> {
  const { rows } = await run(
    `select column_name, identity_generation from information_schema.columns
      where table_schema = 'public' and table_name = $1 and is_generated = 'NEVER' order by ordinal_position`,
    [table],
  );
  return {
    columns: rows.map((row) => String(row.column_name)),
    hasAlwaysIdentity: rows.some((row) => row.identity_generation === 'ALWAYS'),
  };
}

/**
 * Inserts the JSON lines of one table. Only columns present in the dump are written, so a column the
 * target gained since keeps its default. Returns the number of rows.
 */
export async function insertTableRows(run: ExecuteSql, table: string, file: string): Promise<number> {
  const target = await insertableColumns(run, table);
  let columns: string[] | undefined;
  let batch: string[] = [];
  let chars = 0;
  let count = 0;
  const flush = async () => {
    if (batch.length === 0 || !columns) return;
    const list = columns.map(quote).join(', ');
    // `::text::json`: typed as text, the parameter is sent as is (postgres.js would JSON-encode a json-typed string again).
    await run(
      `insert into ${quote(table)} (${list}) ${target.hasAlwaysIdentity ? 'overriding system value' : ''}
       select ${list} from json_populate_recordset(null::${quote(table)}, $1::text::json)`,
      [`[${batch.join(',')}]`],
    );
    count += batch.length;
    batch = [];
    chars = 0;
  };
  for await (const line of readLines(file)) {
    if (!columns) {
      const present = new Set(Object.keys(JSON.parse(line) as object));
      columns = target.columns.filter((column) => present.has(column));
    }
    batch.push(line);
    chars += line.length;
    if (batch.length >= BATCH_ROWS || chars >= BATCH_CHARS) await flush();
  }
  await flush();
  return count;
}

/** Moves every serial/identity sequence of schema `public` past the largest restored value. */
export async function resetSequences(run: ExecuteSql): Promise<void> {
  const { rows } = await run(
    `select table_name, column_name, pg_get_serial_sequence(format('%I.%I', table_schema, table_name), column_name) as sequence
       from information_schema.columns
      where table_schema = 'public' and pg_get_serial_sequence(format('%I.%I', table_schema, table_name), column_name) is not null`,
  );
  for (const row of rows) {
    const column = quote(String(row.column_name));
    await run(`select setval($1, coalesce((select max(${column}) from ${quote(String(row.table_name))}), 0) + 1, false)`, [row.sequence]);
  }
}
