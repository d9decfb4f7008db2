// Test helper: a patient with something in every table a patient's data reaches (record, plan and
// items, an issued version, a live link, a session log, a PSFS score, a cached handout, audit events, a
// rate-limit count), each carrying values unique to this patient, so a test can look for them anywhere.
import crypto from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { exercises, handoutFiles, planItems, plans, planVersions } from "@/db/schema";
import { logSession } from "@/lib/adherence/log-session";
import { recordRead } from "@/lib/audit/reads";
import type { Actor } from "@/lib/auth/actor";
import { fixtureSnapshot } from "@/lib/handout/fixture";
import { recordClinicianPsfs } from "@/lib/outcomes/psfs";
import { createPlan } from "@/lib/plans/plans";
import { ensureShareLink, resolveShareToken } from "@/lib/sharing/links";
import { createPatient } from "./patients";

export async function createPatientWithData(actor: Actor, options: { pdf?: Buffer } = {}) {
  const tag = crypto.randomBytes(4).toString("hex");
  const firstName = `Philippa${tag}`;
  const lastName = `Quenby${tag}`;
  const patient = await createPatient(actor, {
    firstName,
    lastName,
    email: `p.quenby.${tag}@example.test`,
    phone: `07700 9${tag.slice(0, 5).replace(/\D/g, "1")}`,
    birthYear: 1961,
    conditions: ["knee-oa"],
    notes: `Notes about ${tag}`,
    clinicianId: actor.userId,
  });
  const plan = (await createPlan(actor, { patientId: patient.id, title: `Knee plan ${tag}` }))!;
  const [exercise] = await db.select({ id: exercises.id }).from(exercises).where(sql`${exercises.clinicId} is null`).limit(1);
  await db.insert(planItems).values({ clinicId: actor.clinicId, planId: plan.id, exerciseId: exercise.id, position: 0, dose: { sets: 3, reps: 10 }, note: `Item note ${tag}` });
  const snapshot = fixtureSnapshot({ planId: plan.id, version: 1, title: plan.title, patient: { displayName: `${firstName} ${lastName}` }, changes: null });
  const [version] = await db
    .insert(planVersions)
    .values({ clinicId: actor.clinicId, planId: plan.id, version: 1, snapshot, issuedBy: actor.userId })
    .returning({ id: planVersions.id });
  await db.update(plans).set({ status: "issued", latestVersion: 1, hasUnissuedChanges: false }).where(eq(plans.id, plan.id));
  const link = (await ensureShareLink(actor, { planId: plan.id }))!;
  const token = link.token!;
  const resolved = (await resolveShareToken(token))!;
  await logSession(resolved, { clientKey: crypto.randomUUID(), done: [0], pain: 8, comment: `Comment ${tag}` });
  await recordClinicianPsfs(actor, { planId: plan.id, recordedOn: null, values: { name0: `Gardening ${tag}`, score0: "4" } });
  const pdf = options.pdf ?? Buffer.from(`%PDF-1.7 handout of ${firstName} ${lastName}\n%%EOF\n`);
  await db.insert(handoutFiles).values({ planVersionId: version.id, variant: "a4", clinicId: actor.clinicId, pdf });
  await recordRead(actor, { action: "patient.viewed", entityId: patient.id });
  await recordRead(actor, { action: "plan.viewed", entityId: plan.id, detail: { linkShown: true } });
  return { tag, patient, plan, versionId: version.id, link, token, pdf, email: patient.email! };
}

/** Every base table of the public schema, read from the catalogue so that a new table is covered too. */
export async function publicTables(): Promise<string[]> {
  const rows = await db.execute<{ table_name: string }>(
    sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`,
  );
  return rows.map((r) => r.table_name);
}

/** How many rows of each table contain any of `needles` anywhere in the row (as text, case-insensitive). */
export async function rowsMentioning(needles: string[]): Promise<Record<string, number>> {
  const patterns = needles.map((n) => `%${n.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  const found: Record<string, number> = {};
  for (const table of await publicTables()) {
    const [row] = await db.execute<{ n: number }>(
      sql`select count(*)::int as n from ${sql.identifier(table)} as r where r::text ilike any(${sql.raw(`array[${patterns.map((p) => `'${p.replace(/'/g, "''")}'`).join(",")}]`)})`,
    );
    if (row.n > 0) found[table] = row.n;
  }
  return found;
}
