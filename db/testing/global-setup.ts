// Gives every test run its own database: a fresh one on DATABASE_URL's server (dropped afterwards),
// or the embedded PGlite in memory when no DATABASE_URL is given.
import crypto from "node:crypto";
import postgres from "postgres";
import type { TestProject } from "vitest/node";
import { startEmbeddedDatabase } from "../embedded";
import { migrateDatabase } from "../migrate";
import { seedDatabase } from "../../scripts/seed";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
    /** Set when the run uses the embedded PGlite: its clients must follow `embeddedClientEnv`. */
    embeddedDatabase: boolean;
  }
}

export async function createScratchDatabase(serverUrl: string, prefix: string) {
  const name = `${prefix}_${Date.now()}_${crypto.randomBytes(3).toString("hex")}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}"`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const again = postgres(serverUrl, { max: 1, onnotice: () => {} });
      await again.unsafe(`drop database if exists "${name}" with (force)`);
      await again.end();
    },
  };
}

export default async function setup(project: TestProject) {
  const serverUrl = process.env.DATABASE_URL;
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
