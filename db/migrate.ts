import path from "node:path";
import { migrate } from "drizzle-orm/postgres-js/migrator";
import { createClient } from "./client";

export const migrationsFolder = path.join(import.meta.dirname, "migrations");

/** Applies every committed migration that the database has not seen yet. */
export async function migrateDatabase(url: string) {
  const { sql, db } = createClient(url, { max: 1 });
  try {
    await migrate(db, { migrationsFolder });
  } finally {
    await sql.end({ timeout: 5 });
  }
}
