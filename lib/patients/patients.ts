import "server-only";
import { and, asc, desc, eq, inArray, notInArray, or, sql, type SQL } from "drizzle-orm";
import { db, type Executor } from "@/db/client";
import { auditEvents, patients, plans, users, type Patient } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { isUuid } from "@/lib/ids";
import { recordAuditBy } from "@/lib/audit/record";
import { recordRead } from "@/lib/audit/reads";
import { endPatientLinks } from "@/lib/sharing/links";
import { UserError } from "@/lib/errors";
import { patientsPerPage, type PatientInput, type PatientListQuery } from "./schema";


export type PatientListItem = {
  id: string;
  firstName: string;
  lastName: string;
  fullName: string;
  birthYear: number | null;
  conditions: string[];
  clinicianName: string | null;
  archived: boolean;
  updatedAt: Date;
};

export type PatientList = {
  items: PatientListItem[];
  /** Matching patients, counted up to `countCap`; `totalCapped` says the true number is larger. */
  total: number;
  totalCapped: boolean;
  page: number;
  pageCount: number;
  /** True when no name contained the query and the list shows close spellings instead. */
  fuzzy: boolean;
};

/** Counting every match of a broad query costs more than it tells anyone; past this we say "1,000+". */
export const countCap = 1000;

const listColumns = {
  id: patients.id,
  firstName: patients.firstName,
  lastName: patients.lastName,
  fullName: patients.fullName,
  birthYear: patients.birthYear,
  conditions: patients.conditions,
  clinicianName: users.name,
  archived: patients.archived,
  updatedAt: patients.updatedAt,
};

function likePattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * The clinic's patients, 25 a page. Every word of a query must appear somewhere in the full name
 * ("marg thom" finds Margaret Thompson; the trigram index answers each `ILIKE '%…%'`). When no name
 * has them all, close spellings are shown instead, best first: every word of three letters or more
 * must be close to a word of the name ("Jonatan Pryse" finds Jonathan Pryce), through the same
 * index's word-similarity operator.
 */
export async function listPatients(actor: Actor, query: PatientListQuery, executor: Executor = db): Promise<PatientList> {
  const scope = and(eq(patients.clinicId, actor.clinicId), eq(patients.archived, query.archived))!;
  const offset = (query.page - 1) * patientsPerPage;
  if (!query.q) {
    const order = query.sort === "updated" ? [desc(patients.updatedAt), asc(patients.id)] : [asc(patients.lastName), asc(patients.firstName), asc(patients.id)];
    return page(executor, scope, order, offset, query.page, false);
  }

  // With a query, the matches come from the trigram index and are then sorted: ordering by an
  // expression keeps the planner from walking the name (or updated) index and filtering as it goes,
  // which is fast when the matches sort early and very slow when they sort late ("Young").
  const order =
    query.sort === "updated"
      ? [desc(sql`${patients.updatedAt} + interval '0 seconds'`), asc(patients.id)]
      : [asc(sql`lower(${patients.lastName})`), asc(sql`lower(${patients.firstName})`), asc(patients.id)];
  const words = query.q.split(/\s+/).filter(Boolean).slice(0, maxQueryWords);
  const contains = and(...words.map((word) => sql`${patients.fullName} ilike ${likePattern(word)}`))!;
  const exact = await page(executor, and(scope, contains)!, order, offset, query.page, false);
  const fuzzyWords = words.filter((word) => word.length >= 3);
  if (exact.total > 0 || fuzzyWords.length === 0) return exact;

  // `<%` is indexable by gin_trgm_ops; its threshold is lowered for this transaction only.
  return executor.transaction(async (tx) => {
    await tx.execute(sql`select set_config('pg_trgm.word_similarity_threshold', ${String(wordSimilarityThreshold)}, true)`);
    const close = and(...fuzzyWords.map((word) => sql`${word} <% ${patients.fullName}`))!;
    const likeness = sql.join(
      fuzzyWords.map((word) => sql`word_similarity(${word}, ${patients.fullName})`),
      sql` + `,
    );
    const byLikeness = query.sort === "updated" ? order : [desc(sql`(${likeness})`), ...order];
    return page(tx, and(scope, close)!, byLikeness, offset, query.page, true);
  });
}

const maxQueryWords = 4;
/** How close a typed word must be to a word of the name: low, because a swapped pair of letters costs trigrams ("Jcakson" to "Jackson" is 0.375); every word must pass and the closest come first. */
const wordSimilarityThreshold = 0.3;

async function page(executor: Executor, where: SQL, order: SQL[], offset: number, pageNumber: number, fuzzy: boolean): Promise<PatientList> {
  const rows = await executor
    .select(listColumns)
    .from(patients)
    .leftJoin(users, eq(users.id, patients.clinicianId))
    .where(where)
    .orderBy(...order)
    .limit(patientsPerPage)
    .offset(offset);
  // A first page that is not full already says how many there are; only a longer list is counted.
  const n =
    offset === 0 && rows.length < patientsPerPage
      ? rows.length
      : (await executor.select({ n: sql<number>`count(*)::int` }).from(sql`(${executor.select({ one: sql`1` }).from(patients).where(where).limit(countCap + 1)}) as capped`))[0].n;
  const totalCapped = n > countCap;
  const total = Math.min(n, countCap);
  return { items: rows, total, totalCapped, page: pageNumber, pageCount: Math.max(1, Math.ceil(total / patientsPerPage)), fuzzy };
}

export type PatientDetail = Patient & { clinicianName: string | null };

export async function getPatient(actor: Actor, { patientId }: { patientId: string }, executor: Executor = db): Promise<PatientDetail | null> {
  if (!isUuid(patientId)) return null;
  const [row] = await executor
    .select({ patient: patients, clinicianName: users.name })
    .from(patients)
    .leftJoin(users, eq(users.id, patients.clinicianId))
    .where(and(eq(patients.id, patientId), eq(patients.clinicId, actor.clinicId)));
  return row ? { ...row.patient, clinicianName: row.clinicianName } : null;
}

/** The patient's record as the patient page opens it: the read is recorded in the audit trail. */
export async function openPatientRecord(actor: Actor, { patientId }: { patientId: string }): Promise<PatientDetail | null> {
  const patient = await getPatient(actor, { patientId });
  if (!patient) return null;
  await recordRead(actor, { action: "patient.viewed", entityId: patient.id });
  return patient;
}

export type ClinicianOption = { id: string; name: string };

/** The clinic's active clinicians, for the "responsible clinician" select. */
export async function listClinicians(actor: Actor, executor: Executor = db): Promise<ClinicianOption[]> {
  return executor
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(and(eq(users.clinicId, actor.clinicId), eq(users.active, true)))
    .orderBy(asc(users.name));
}

async function assertClinician(executor: Executor, actor: Actor, clinicianId: string) {
  const [row] = await executor
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.id, clinicianId), eq(users.clinicId, actor.clinicId), eq(users.active, true)));
  if (!row) throw new UserError("Please correct the highlighted fields.", { clinicianId: ["Choose a clinician from your clinic"] });
}

export async function createPatient(actor: Actor, input: PatientInput): Promise<Patient> {
  return db.transaction(async (tx) => {
    await assertClinician(tx, actor, input.clinicianId);
    const [patient] = await tx
      .insert(patients)
      .values({ ...input, clinicId: actor.clinicId })
      .returning();
    await recordAuditBy(tx, actor, { action: "patient.created", entityType: "patient", entityId: patient.id });
    return patient;
  });
}

export async function updatePatient(actor: Actor, { patientId, ...input }: PatientInput & { patientId: string }): Promise<Patient | null> {
  if (!isUuid(patientId)) return null;
  return db.transaction(async (tx) => {
    const [current] = await tx
      .select({ clinicianId: patients.clinicianId })
      .from(patients)
      .where(and(eq(patients.id, patientId), eq(patients.clinicId, actor.clinicId)));
    if (!current) return null;
    // Keeping a clinician who has since left is allowed; choosing one must be an active colleague.
    if (input.clinicianId !== current.clinicianId) await assertClinician(tx, actor, input.clinicianId);
    const [patient] = await tx
      .update(patients)
      .set(input)
      .where(and(eq(patients.id, patientId), eq(patients.clinicId, actor.clinicId)))
      .returning();
    if (!patient) return null;
    await recordAuditBy(tx, actor, { action: "patient.updated", entityType: "patient", entityId: patient.id });
    return patient;
  });
}

/**
 * Archives (or restores) a patient: hidden from the list by default, nothing deleted. Archiving
 * ends the patient's links in the same transaction (their page, handout and log answer 404, and no
 * alert is raised for them); restoring brings no link back: the clinician creates a new one.
 */
export async function setPatientArchived(actor: Actor, { patientId, archived }: { patientId: string; archived: boolean }): Promise<Patient | null> {
  if (!isUuid(patientId)) return null;
  return db.transaction(async (tx) => {
    const [patient] = await tx
      .update(patients)
      .set({ archived })
      .where(and(eq(patients.id, patientId), eq(patients.clinicId, actor.clinicId)))
      .returning();
    if (!patient) return null;
    const linksEnded = archived ? await endPatientLinks(tx, actor, { patientId }) : 0;
    await recordAuditBy(tx, actor, {
      action: archived ? "patient.archived" : "patient.updated",
      entityType: "patient",
      entityId: patient.id,
      detail: archived ? { linksEnded } : { restored: true },
    });
    return patient;
  });
}

export type PatientActivity = {
  id: number;
  action: string;
  entityType: string;
  entityId: string | null;
  planTitle: string | null;
  actorName: string | null;
  detail: Record<string, unknown> | null;
  createdAt: Date;
};

/** Who created, changed and issued what for this patient and their plans, newest first. */
export async function listPatientActivity(actor: Actor, { patientId, limit = 50 }: { patientId: string; limit?: number }, executor: Executor = db): Promise<PatientActivity[] | null> {
  if (!(await getPatient(actor, { patientId }, executor))) return null;
  const planRows = await executor
    .select({ id: plans.id })
    .from(plans)
    .where(and(eq(plans.clinicId, actor.clinicId), eq(plans.patientId, patientId)));
  const planIds = planRows.map((p) => p.id);
  const about = planIds.length
    ? or(and(eq(auditEvents.entityType, "patient"), eq(auditEvents.entityId, patientId)), and(eq(auditEvents.entityType, "plan"), inArray(auditEvents.entityId, planIds)))
    : and(eq(auditEvents.entityType, "patient"), eq(auditEvents.entityId, patientId));
  const rows = await executor
    .select({
      id: auditEvents.id,
      action: auditEvents.action,
      entityType: auditEvents.entityType,
      entityId: auditEvents.entityId,
      planTitle: plans.title,
      actorName: users.name,
      detail: auditEvents.detail,
      createdAt: auditEvents.createdAt,
    })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorId))
    .leftJoin(plans, and(eq(auditEvents.entityType, "plan"), eq(plans.id, auditEvents.entityId)))
    // Draft saves, the patient's own session logs and clinicians opening the record or a plan are
    // recorded but not listed here: the trail is who created, changed, issued, shared and exported what.
    .where(and(eq(auditEvents.clinicId, actor.clinicId), about, notInArray(auditEvents.action, ["plan.saved", "session.logged", "patient.viewed", "plan.viewed"])))
    .orderBy(desc(auditEvents.createdAt), desc(auditEvents.id))
    .limit(limit);
  return rows.map((row) => ({ ...row, detail: (row.detail as Record<string, unknown> | null) ?? null }));
}
