// The one postgres.js client of a process, and the drizzle database on top of it.
import { drizzle, type PostgresJsDatabase } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import * as schema from "./schema";

export type Database = PostgresJsDatabase<typeof schema>;
export type Transaction = Parameters<Parameters<Database["transaction"]>[0]>[0];
/** A database or an open transaction: what a lib function writes through. */
export type Executor = Database | Transaction;

export function createClient(url: string, options: { max?: number } = {}) {
  const sql = postgres(url, {
    max: options.max ?? Number(process.env.DATABASE_POOL_MAX ?? 10),
    // The embedded PGlite is one backend behind a multiplexer: named prepared statements from
    // several connections collide there, so start.ts turns them off for it.
    prepare: process.env.DATABASE_PREPARE !== "false",
    idle_timeout: 20,
    connect_timeout: 10,
    onnotice: () => {},
  });
  return { sql, db: drizzle(sql, { schema }) };
}

type Holder = { client?: ReturnType<typeof createClient> };
// Survives module reloads in development so a hot reload does not open a new pool.
const holder = ((globalThis as { __physioplanDb?: Holder }).__physioplanDb ??= {});

function client() {
  if (!holder.client) {
    const url = process.env.DATABASE_URL;
    if (!url) throw new Error("DATABASE_URL is not set: start the app with `npm start`, which provides one");
    holder.client = createClient(url);
  }
  return holder.client;
}

/** The app's database. Connects on first use, so importing it (as `next build` does) opens nothing. */
export const db: Database = new Proxy({} as Database, {
  get: (_target, property) => Reflect.get(client().db, property),
});

const preparedQueries = new WeakMap<object, Map<string, unknown>>();

/**
 * A query built once per client and then only executed, for the hottest reads (a patient opening
 * their link): building a drizzle query costs more JavaScript than Postgres spends running it.
 * Parameters are `sql.placeholder(...)`s, given to `.execute({...})`.
 */
export function preparedQuery<T>(name: string, build: (db: Database) => T): T {
  const current = client();
  let queries = preparedQueries.get(current);
  if (!queries) preparedQueries.set(current, (queries = new Map()));
  let query = queries.get(name) as T | undefined;
  if (!query) {
    query = build(current.db);
    queries.set(name, query);
  }
  return query;
}

export async function closeDb() {
  if (holder.client) {
    await holder.client.sql.end({ timeout: 5 });
    holder.client = undefined;
  }
}
