// Backup and restore round trips: `npm run backup` then `npm run restore` into a fresh, empty
// database give the same rows in every table and the same bytes of a cached handout. On the
// PostgreSQL server the tests run on (pg_dump custom format), and on an embedded PGlite dumped
// while its server runs.
import { spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";
import { afterAll, describe, expect, inject, it } from "vitest";
import { createClient } from "@/db/client";
import { startEmbeddedDatabase } from "@/db/embedded";
import { migrateDatabase } from "@/db/migrate";
import { createScratchDatabase } from "@/db/testing/scratch-database";
import { fixtureSnapshot } from "@/lib/handout/fixture";
import { closeHandoutPool } from "@/lib/handout/pool";
import { handoutPdf } from "@/lib/sharing/handouts";
import { ensureShareLink } from "@/lib/sharing/links";
import { answerBackupRequest, requestFile, resultFile } from "./lib/backup-request";
import { seedDatabase } from "@/lib/seed";

const root = path.resolve(import.meta.dirname, "..");
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "physioplan-backup-"));

afterAll(async () => {
  await closeHandoutPool();
  fs.rmSync(tmp, { recursive: true, force: true });
});

/** A clinic with an issued plan, its link, a session, an audit event and a real rendered handout. */
async function populate(url: string, options: { embedded?: boolean } = {}): Promise<{ versionId: string; pdf: Buffer }> {
  // The embedded PGlite is one session: no named prepared statements there (db/embedded.ts).
  const sql = postgres(url, { max: 1, prepare: !options.embedded, onnotice: () => {} });
  const previous = process.env.DATABASE_PREPARE;
  if (options.embedded) process.env.DATABASE_PREPARE = "false";
  const client = createClient(url, { max: 1 });
  if (previous === undefined) delete process.env.DATABASE_PREPARE;
  else process.env.DATABASE_PREPARE = previous;
  try {
    const [clinic] = await sql`insert into clinics (name) values ('Backup Clinic') returning id`;
    const [user] = await sql`insert into users (clinic_id, email, name, role, password_hash) values (${clinic.id}, ${`b-${crypto.randomUUID()}@example.test`}, 'Bea Backup', 'admin', 'x') returning id`;
    const [patient] = await sql`insert into patients (clinic_id, clinician_id, first_name, last_name) values (${clinic.id}, ${user.id}, 'Rita', 'Restore') returning id`;
    const [plan] = await sql`insert into plans (clinic_id, patient_id, title, status, latest_version, has_unissued_changes) values (${clinic.id}, ${patient.id}, 'Knee plan', 'issued', 1, false) returning id`;
    const snapshot = fixtureSnapshot({ planId: plan.id, version: 1, title: "Knee plan" });
    const [version] = await sql`insert into plan_versions (clinic_id, plan_id, version, snapshot) values (${clinic.id}, ${plan.id}, 1, ${sql.json(snapshot as never)}) returning id`;
    const actor = { userId: user.id, clinicId: clinic.id, role: "admin" as const, name: "Bea Backup", email: "b@example.test", clinicName: "Backup Clinic", timeZone: clinic.timeZone };
    const link = (await ensureShareLink(actor, { planId: plan.id }, client.db))!;
    await sql`insert into session_logs (clinic_id, plan_id, version, logged_on, items_done, pain, comment, client_key)
      values (${clinic.id}, ${plan.id}, 1, current_date, ${sql.json([])}, 4, 'Fine', ${crypto.randomUUID()})`;
    const file = await handoutPdf({ versionId: version.id, clinicId: clinic.id, linkId: link.id, snapshot, variant: "a4", link: `http://localhost:3000/p/${link.token}` }, client.db);
    const [stored] = await sql`select pdf from handout_files where plan_version_id = ${version.id}`;
    expect(Buffer.compare(stored.pdf, file.pdf)).toBe(0);
    return { versionId: version.id, pdf: stored.pdf as Buffer };
  } finally {
    await sql.end({ timeout: 5 });
    await client.sql.end({ timeout: 5 });
  }
}

/** Row counts of every table outside the system schemas (the app's and drizzle's migration log). */
async function rowCounts(url: string, options: { prepare?: boolean } = {}): Promise<Record<string, number>> {
  const sql = postgres(url, { max: 1, prepare: options.prepare ?? true, onnotice: () => {} });
  try {
    const tables = await sql`select schemaname, tablename from pg_tables where schemaname not in ('pg_catalog', 'information_schema') order by 1, 2`;
    const counts: Record<string, number> = {};
    for (const t of tables) {
      const [row] = await sql`select count(*)::int as n from ${sql(t.schemaname)}.${sql(t.tablename)}`;
      counts[`${t.schemaname}.${t.tablename}`] = row.n;
    }
    return counts;
  } finally {
    await sql.end({ timeout: 5 });
  }
}

async function handoutBytes(url: string, versionId: string, options: { prepare?: boolean } = {}): Promise<Buffer> {
  const sql = postgres(url, { max: 1, prepare: options.prepare ?? true, onnotice: () => {} });
  try {
    const [row] = await sql`select pdf from handout_files where plan_version_id = ${versionId}`;
    return row.pdf as Buffer;
  } finally {
    await sql.end({ timeout: 5 });
  }
}

function npmScript(script: "backup" | "restore", args: string[], env: Record<string, string>) {
  return spawnSync(path.join(root, "node_modules/.bin/tsx"), [path.join(root, "scripts", `${script}.ts`), ...args], { cwd: root, env: { ...process.env, ...env }, encoding: "utf8", timeout: 120_000 });
}

describe.skipIf(inject("embeddedDatabase"))("backup and restore on PostgreSQL", () => {
  it("restores a pg_dump into a fresh database with every table's rows and the handout's bytes", async () => {
    const server = new URL(inject("databaseUrl"));
    server.pathname = "/postgres";
    const source = await createScratchDatabase(server.toString(), "physioplan_backup_src");
    const target = await createScratchDatabase(server.toString(), "physioplan_backup_dst");
    try {
      await migrateDatabase(source.url);
      await seedDatabase(source.url, { demo: false });
      const { versionId, pdf } = await populate(source.url);
      const file = path.join(tmp, "physioplan.pgdump");

      const backup = npmScript("backup", ["--out", file], { DATABASE_URL: source.url });
      expect(backup.status, backup.stderr).toBe(0);
      expect(fs.readFileSync(file).subarray(0, 5).toString()).toBe("PGDMP");

      const restore = npmScript("restore", [file], { DATABASE_URL: target.url });
      expect(restore.status, restore.stderr).toBe(0);
      const counts = await rowCounts(source.url);
      expect(counts["public.handout_files"]).toBe(1);
      expect(counts["public.exercises"]).toBeGreaterThan(50);
      expect(await rowCounts(target.url)).toEqual(counts);
      const restored = await handoutBytes(target.url, versionId);
      expect(restored.subarray(0, 5).toString()).toBe("%PDF-");
      expect(Buffer.compare(restored, pdf)).toBe(0);

      // The audit trail's append-only trigger came back with the schema.
      const sql = postgres(target.url, { max: 1, onnotice: () => {} });
      await expect(sql`delete from audit_events`).rejects.toThrow(/append-only/);
      await sql.end();

      // A restore never mixes with existing data.
      const again = npmScript("restore", [file], { DATABASE_URL: target.url });
      expect(again.status).not.toBe(0);
      expect(again.stderr).toContain("not empty");
      expect(await rowCounts(target.url)).toEqual(counts);
    } finally {
      await source.drop();
      await target.drop();
    }
  }, 180_000);
});

describe("backup and restore of the embedded database", () => {
  it("dumps a running PGlite and restores it into a new data folder with every row and the handout's bytes", async () => {
    const dataDir = path.join(tmp, "live");
    const database = await startEmbeddedDatabase({ dataDir });
    let counts: Record<string, number>;
    let expected: { versionId: string; pdf: Buffer };
    const file = path.join(tmp, "embedded.tar.gz");
    try {
      await migrateDatabase(database.url);
      await seedDatabase(database.url, { demo: false });
      expected = await populate(database.url, { embedded: true });
      counts = await rowCounts(database.url, { prepare: false });
      // What `npm run backup` asks the running `npm start` process for, answered by the same code.
      fs.writeFileSync(requestFile(dataDir), JSON.stringify({ id: "test", file }));
      await answerBackupRequest(dataDir, database);
      expect(JSON.parse(fs.readFileSync(resultFile(dataDir), "utf8"))).toEqual({ id: "test", ok: true, file });
    } finally {
      await database.stop();
    }

    const restoredDir = path.join(tmp, "restored");
    const restore = npmScript("restore", [file], { DATABASE_URL: "", PHYSIOPLAN_DATA_DIR: restoredDir });
    expect(restore.status, restore.stderr).toBe(0);
    const restored = await startEmbeddedDatabase({ dataDir: restoredDir });
    try {
      expect(await rowCounts(restored.url, { prepare: false })).toEqual(counts);
      expect(counts["public.handout_files"]).toBe(1);
      expect(Buffer.compare(await handoutBytes(restored.url, expected.versionId, { prepare: false }), expected.pdf)).toBe(0);
    } finally {
      await restored.stop();
    }
    // Restoring over a data folder that holds a database is refused.
    const again = npmScript("restore", [file], { DATABASE_URL: "", PHYSIOPLAN_DATA_DIR: restoredDir });
    expect(again.status).not.toBe(0);
    expect(again.stderr).toContain("already holds a database");
  }, 240_000);
});
