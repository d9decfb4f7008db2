// For tests of single-use tokens: every place in the database where a string appears in clear.
import { sql } from "drizzle-orm";
import { db } from "@/db/client";

/** "table.column" for every text, varchar, json, jsonb or text[] column of every public table holding `needle`. */
export async function findInDatabase(needle: string): Promise<string[]> {
  const columns = (await db.execute(sql`
    select c.table_name, c.column_name from information_schema.columns c
    join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name and t.table_type = 'BASE TABLE'
    where c.table_schema = 'public' and (c.data_type in ('text', 'character varying', 'json', 'jsonb', 'character') or (c.data_type = 'ARRAY' and c.udt_name in ('_text', '_varchar')))
  `)) as unknown as { table_name: string; column_name: string }[];
  if (columns.length < 10) throw new Error("the column scan found too few columns to be trusted");
  const found: string[] = [];
  for (const { table_name, column_name } of columns) {
    const rows = (await db.execute(
      sql`select 1 from ${sql.identifier(table_name)} where strpos(${sql.identifier(column_name)}::text, ${needle}) > 0 limit 1`,
    )) as unknown as unknown[];
    if (rows.length > 0) found.push(`${table_name}.${column_name}`);
  }
  return found;
}
