// Gives every test run its own database: a fresh one on DATABASE_URL's server (dropped afterwards),
// or the embedded PGlite in memory when no DATABASE_URL is given.
import type { TestProject } from "vitest/node";
import { startEmbeddedDatabase } from "@/db/embedded";
import { migrateDatabase } from "@/db/migrate";
import { createScratchDatabase } from "@/db/testing/scratch-database";
import { toolEnv } from "@/lib/env";
import { seedDatabase } from "@/lib/seed";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
    /** Set when the run uses the embedded PGlite: its clients must follow `embeddedClientEnv`. */
    embeddedDatabase: boolean;
  }
}

export default async function setup(project: TestProject) {
  const serverUrl = toolEnv().DATABASE_URL;
  const database = serverUrl ? await createScratchDatabase(serverUrl, "physioplan_test") : undefined;
  const embedded = serverUrl ? undefined : await startEmbeddedDatabase();
  const url = database?.url ?? embedded!.url;
  await migrateDatabase(url);
  await seedDatabase(url, { demo: false });
  project.provide("databaseUrl", url);
  project.provide("embeddedDatabase", Boolean(embedded));
  return async () => {
    await database?.drop();
    await embedded?.stop();
  };
}
