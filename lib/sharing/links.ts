// The one stable link of a plan: created when the plan is first issued, shown to the clinician
// (copy, revoke, replace, expiry), and resolved for the patient by the token's hash alone.
import "server-only";
import crypto from "node:crypto";
import { and, eq, inArray, isNull, or, lt, sql, type SQL } from "drizzle-orm";
import { db as defaultDb, preparedQuery, type Database, type Executor } from "@/db/client";
import { clinics, handoutFiles, patients, planVersions, plans, shareLinks, type Plan, type ShareLink } from "@/db/schema";
import { outerColumn, recentSessionsColumn, recentSinceIn, type PatientSession } from "@/lib/adherence/recent-sessions";
import type { Actor } from "@/lib/auth/actor";
import { isUuid } from "@/lib/ids";
import { env } from "@/lib/env";
import { UserError } from "@/lib/errors";
import { recordAuditBy } from "@/lib/audit/record";
import { planEnding } from "@/lib/plans/ending";
import { psfsRequestColumn, type PatientPsfsRequest } from "@/lib/outcomes/psfs";
import { planSnapshotSchema, type PlanSnapshot } from "@/lib/plans/snapshot";
import { generateToken, hashToken, isWellFormedToken, openToken, sealToken } from "./token";
import { BoundedCache } from "@/lib/cache/bounded-cache";
import { clinicDate } from "@/lib/dates/format";

/** What the clinician's panel shows of the plan's current link. */
export type ShareLinkView = {
  id: string;
  planId: string;
  /** null when it cannot be read back (the server secret changed since): replace the link to copy it. */
  token: string | null;
  createdAt: Date;
  expiresAt: Date | null;
  lastOpenedAt: Date | null;
  expired: boolean;
};

function view(row: ShareLink, now = new Date()): ShareLinkView {
  return {
    id: row.id,
    planId: row.planId,
    token: openToken(row.tokenCiphertext, row.id, row.tokenHash, env().NEXTAUTH_SECRET),
    createdAt: row.createdAt,
    expiresAt: row.expiresAt,
    lastOpenedAt: row.lastOpenedAt,
    expired: row.expiresAt !== null && row.expiresAt <= now,
  };
}

type PlanRow = { id: string; status: Plan["status"]; latestVersion: number; patientArchived: boolean };

/**
 * The plan if it is the actor's clinic's; `lock` serialises link changes of one plan. Archiving a
 * patient locks their plans too (`endPatientLinks`), so the patient's archived flag read here,
 * after the lock, is the committed one: a link cannot be created beside an archive.
 */
async function findPlan(executor: Executor, actor: Actor, planId: string, lock = false): Promise<PlanRow | null> {
  if (!isUuid(planId)) return null;
  const query = executor
    .select({ id: plans.id, status: plans.status, latestVersion: plans.latestVersion, patientId: plans.patientId })
    .from(plans)
    .where(and(eq(plans.id, planId), eq(plans.clinicId, actor.clinicId)));
  const [row] = lock ? await query.for("update") : await query;
  if (!row) return null;
  const [patient] = await executor
    .select({ archived: patients.archived })
    .from(patients)
    .where(and(eq(patients.id, row.patientId), eq(patients.clinicId, actor.clinicId)));
  return { id: row.id, status: row.status, latestVersion: row.latestVersion, patientArchived: patient?.archived ?? true };
}

async function currentLinkRow(executor: Executor, actor: Actor, planId: string): Promise<ShareLink | null> {
  const [row] = await executor
    .select()
    .from(shareLinks)
    .where(and(eq(shareLinks.planId, planId), eq(shareLinks.clinicId, actor.clinicId), isNull(shareLinks.revokedAt)));
  return row ?? null;
}

/** Cached handouts print the link as a QR code: when the link changes they must be rendered again. */
async function forgetHandouts(executor: Executor, actor: Actor, planId: string): Promise<void> {
  const versions = executor
    .select({ id: planVersions.id })
    .from(planVersions)
    .where(and(eq(planVersions.planId, planId), eq(planVersions.clinicId, actor.clinicId)));
  await executor.delete(handoutFiles).where(and(eq(handoutFiles.clinicId, actor.clinicId), inArray(handoutFiles.planVersionId, versions)));
}

async function insertLink(executor: Executor, actor: Actor, planId: string, action: "share-link.created" | "share-link.replaced") {
  const id = crypto.randomUUID();
  const token = generateToken();
  const [row] = await executor
    .insert(shareLinks)
    .values({
      id,
      clinicId: actor.clinicId,
      planId,
      tokenHash: hashToken(token),
      tokenCiphertext: sealToken(token, id, env().NEXTAUTH_SECRET),
      createdBy: actor.userId,
    })
    .onConflictDoNothing()
    .returning();
  if (!row) return null;
  await forgetHandouts(executor, actor, planId);
  await recordAuditBy(executor, actor, { action, entityType: "plan", entityId: planId, detail: { linkId: id } });
  return row;
}

function requireIssued(plan: PlanRow): void {
  if (plan.patientArchived) throw new UserError("This patient is archived. Restore the patient before sharing a plan with them.");
  if (plan.latestVersion < 1) throw new UserError("Issue the plan before sharing it: a link shows the newest issued version.");
  if (plan.status === "archived") throw new UserError("This plan is archived. Restore it before sharing it again.");
}

/** The plan's current (not revoked) link, expired or not; null when there is none or the plan is not the actor's. */
export async function getShareLink(actor: Actor, { planId }: { planId: string }, executor: Executor = defaultDb): Promise<ShareLinkView | null> {
  if (!isUuid(planId)) return null;
  const row = await currentLinkRow(executor, actor, planId);
  return row ? view(row) : null;
}

/**
 * Gives an issued plan its link when it has none (first issue, or after a revoke); otherwise
 * returns the link it has. Safe to call on every issue: the link stays stable across versions.
 * Pass the issue flow's transaction so the link is created with the version. Null when the plan
 * is not the actor's.
 */
export async function ensureShareLink(actor: Actor, { planId }: { planId: string }, executor: Executor = defaultDb): Promise<ShareLinkView | null> {
  return executor.transaction(async (tx) => {
    const plan = await findPlan(tx, actor, planId, true);
    if (!plan) return null;
    const existing = await currentLinkRow(tx, actor, planId);
    if (existing) return view(existing);
    requireIssued(plan);
    const created = (await insertLink(tx, actor, planId, "share-link.created")) ?? (await currentLinkRow(tx, actor, planId));
    return created ? view(created) : null;
  });
}

/** Ends the current link at once. Returns false when there was none (or the plan is not the actor's). */
export async function revokeShareLink(actor: Actor, { planId }: { planId: string }): Promise<boolean> {
  return defaultDb.transaction(async (tx) => {
    const plan = await findPlan(tx, actor, planId, true);
    if (!plan) return false;
    const revoked = await tx
      .update(shareLinks)
      .set({ revokedAt: new Date() })
      .where(and(eq(shareLinks.planId, planId), eq(shareLinks.clinicId, actor.clinicId), isNull(shareLinks.revokedAt)))
      .returning({ id: shareLinks.id });
    if (revoked.length === 0) return false;
    await forgetHandouts(tx, actor, planId);
    await recordAuditBy(tx, actor, { action: "share-link.revoked", entityType: "plan", entityId: planId, detail: { linkId: revoked[0].id } });
    return true;
  });
}

/** A new token for the plan; the old one stops working in the same transaction. */
export async function replaceShareLink(actor: Actor, { planId }: { planId: string }): Promise<ShareLinkView | null> {
  return defaultDb.transaction(async (tx) => {
    const plan = await findPlan(tx, actor, planId, true);
    if (!plan) return null;
    requireIssued(plan);
    await tx
      .update(shareLinks)
      .set({ revokedAt: new Date() })
      .where(and(eq(shareLinks.planId, planId), eq(shareLinks.clinicId, actor.clinicId), isNull(shareLinks.revokedAt)));
    const created = await insertLink(tx, actor, planId, "share-link.replaced");
    if (!created) throw new Error("A new link could not be created: another change to this link happened at the same time");
    return view(created);
  });
}

/** Sets (a future moment) or clears (null) the current link's expiry. Null when there is no current link. */
export async function setShareLinkExpiry(
  actor: Actor,
  { planId, expiresAt }: { planId: string; expiresAt: Date | null },
): Promise<ShareLinkView | null> {
  if (expiresAt && expiresAt.getTime() <= Date.now()) {
    throw new UserError("Choose an expiry date in the future.", { expiresOn: ["Choose a date after today"] });
  }
  return defaultDb.transaction(async (tx) => {
    const plan = await findPlan(tx, actor, planId, true);
    if (!plan) return null;
    const [row] = await tx
      .update(shareLinks)
      .set({ expiresAt })
      .where(and(eq(shareLinks.planId, planId), eq(shareLinks.clinicId, actor.clinicId), isNull(shareLinks.revokedAt)))
      .returning();
    if (!row) return null;
    await recordAuditBy(tx, actor, {
      action: "share-link.expiry-set",
      entityType: "plan",
      entityId: planId,
      detail: { linkId: row.id, expiresAt: expiresAt?.toISOString() ?? null },
    });
    return view(row);
  });
}

/**
 * Archiving a patient ends every live link of their plans, in the archive's transaction: the
 * patient's page, handout and log then answer as an unknown token does, and restoring the patient
 * does not bring a link back (the plan page can create a new one). Returns how many links ended.
 */
export async function endPatientLinks(tx: Executor, actor: Actor, { patientId }: { patientId: string }): Promise<number> {
  const planRows = await tx
    .select({ id: plans.id })
    .from(plans)
    .where(and(eq(plans.patientId, patientId), eq(plans.clinicId, actor.clinicId)))
    .orderBy(plans.id)
    .for("update");
  if (planRows.length === 0) return 0;
  const planIds = planRows.map((p) => p.id);
  const ended = await tx
    .update(shareLinks)
    .set({ revokedAt: new Date() })
    .where(and(inArray(shareLinks.planId, planIds), eq(shareLinks.clinicId, actor.clinicId), isNull(shareLinks.revokedAt)))
    .returning({ id: shareLinks.id, planId: shareLinks.planId });
  for (const planId of new Set(ended.map((link) => link.planId))) await forgetHandouts(tx, actor, planId);
  return ended.length;
}

/** Drops erased versions from this process's snapshot cache (their links are gone already). */
export function forgetSnapshots(versionIds: string[]): void {
  for (const id of versionIds) snapshots.delete(id);
}

// ---------------------------------------------------------------- the patient's side

/** What a patient's token opens: the plan's newest issued version. */
export type ResolvedShareLink = {
  linkId: string;
  planId: string;
  clinicId: string;
  /** The clinic's time zone as it is now: the patient's "today" (a session's day, the plan's end) is counted there. */
  timeZone: string;
  versionId: string;
  version: number;
  snapshot: PlanSnapshot;
  /**
   * The plan's last day has passed or a clinician ended it: the link then shows "this plan has
   * ended" (`endedPlanNotice`) instead of the plan, and takes no session logs.
   */
  ended: boolean;
};

/** Issued versions never change, so their parsed snapshots can be kept; a handful covers the hot plans. */
const snapshots = new BoundedCache<string, PlanSnapshot>(200);

async function snapshotOf(executor: Executor, versionId: string): Promise<PlanSnapshot | null> {
  const cached = snapshots.get(versionId);
  if (cached) return cached;
  const [row] = await executor.select({ snapshot: planVersions.snapshot }).from(planVersions).where(eq(planVersions.id, versionId));
  if (!row) return null;
  const snapshot = planSnapshotSchema.parse(row.snapshot);
  return snapshots.set(versionId, snapshot);
}

const liveLinkColumns = {
  linkId: shareLinks.id,
  planId: shareLinks.planId,
  clinicId: shareLinks.clinicId,
  timeZone: clinics.timeZone,
  lastOpenedAt: shareLinks.lastOpenedAt,
  versionId: planVersions.id,
  version: planVersions.version,
  planStatus: plans.status,
  endDate: plans.endDate,
  reviewDate: plans.reviewDate,
};

/**
 * The live link a token's hash opens, with its plan's newest version and its clinic's time zone:
 * every patient request starts here. `extra` adds columns read in the same round trip (the patient page's recent sessions).
 */
function liveLinkQuery<Extra extends Record<string, SQL>>(db: Database, extra: Extra) {
  return db
    .select({ ...liveLinkColumns, ...extra })
    .from(shareLinks)
    .innerJoin(plans, and(eq(plans.id, shareLinks.planId), eq(plans.clinicId, shareLinks.clinicId)))
    .innerJoin(clinics, eq(clinics.id, shareLinks.clinicId))
    // Archiving revokes the patient's links; this join makes an archived patient's link dead even so.
    .innerJoin(patients, and(eq(patients.id, plans.patientId), eq(patients.archived, false)))
    .innerJoin(planVersions, and(eq(planVersions.planId, plans.id), eq(planVersions.version, plans.latestVersion)))
    .where(
      and(
        eq(shareLinks.tokenHash, sql.placeholder("tokenHash")),
        isNull(shareLinks.revokedAt),
        or(isNull(shareLinks.expiresAt), sql`${shareLinks.expiresAt} > now()`),
        sql`${plans.status} <> 'archived'`,
      ),
    );
}

const liveLinkByHash = () => preparedQuery("live_link_by_hash", (db) => liveLinkQuery(db, {}).prepare("live_link_by_hash"));

const liveLinkWithSessionsByHash = () =>
  preparedQuery("live_link_with_sessions_by_hash", (db) =>
    liveLinkQuery(db, {
      // The clinic's time zone is only known from this row: the window's first day is counted in SQL.
      recentSessions: recentSessionsColumn(outerColumn("share_links", "plan_id"), outerColumn("share_links", "clinic_id"), recentSinceIn(outerColumn("clinics", "time_zone"))),
      psfsRequest: psfsRequestColumn(outerColumn("share_links", "plan_id"), outerColumn("share_links", "clinic_id")),
    }).prepare("live_link_with_sessions_by_hash"),
  );

/** How stale `last_opened_at` may get before a visit writes it again: reading a plan must stay a read. */
const openedThrottleMs = 15 * 60 * 1000;

/** A row of `liveLinkQuery` (either statement has these columns). */
type LiveLinkRow = Awaited<ReturnType<ReturnType<typeof liveLinkByHash>["execute"]>>[number];

/** The link a live row describes, with its snapshot; notes the visit at most every 15 minutes. */
async function resolvedLink(row: LiveLinkRow): Promise<ResolvedShareLink | null> {
  const snapshot = await snapshotOf(defaultDb, row.versionId);
  if (!snapshot) return null;
  if (!row.lastOpenedAt || Date.now() - row.lastOpenedAt.getTime() > openedThrottleMs) {
    await defaultDb
      .update(shareLinks)
      .set({ lastOpenedAt: new Date() })
      .where(and(eq(shareLinks.id, row.linkId), or(isNull(shareLinks.lastOpenedAt), lt(shareLinks.lastOpenedAt, new Date(Date.now() - openedThrottleMs)))));
  }
  const ended = planEnding({ status: row.planStatus, endDate: row.endDate, reviewDate: row.reviewDate }, clinicDate(new Date(), row.timeZone)) !== null;
  return { linkId: row.linkId, planId: row.planId, clinicId: row.clinicId, timeZone: row.timeZone, versionId: row.versionId, version: row.version, snapshot, ended };
}

/** What the "this plan has ended" page says: the clinic as it is now (its phone may have changed since the issue). */
export type EndedPlanNotice = { clinicName: string; phone: string | null; email: string | null; endedOn: string | null };

/** The notice for an ended plan's link, read only when a link turns out to have ended. */
export async function endedPlanNotice(link: ResolvedShareLink): Promise<EndedPlanNotice> {
  const [row] = await defaultDb
    .select({ clinicName: clinics.name, phone: clinics.phone, email: clinics.email, endDate: plans.endDate, reviewDate: plans.reviewDate })
    .from(plans)
    .innerJoin(clinics, eq(clinics.id, plans.clinicId))
    .where(and(eq(plans.id, link.planId), eq(plans.clinicId, link.clinicId)));
  const clinic = link.snapshot.clinic;
  if (!row) return { clinicName: clinic.name, phone: clinic.phone, email: clinic.email, endedOn: null };
  return { clinicName: row.clinicName, phone: row.phone, email: row.email, endedOn: row.endDate ?? row.reviewDate };
}

/**
 * The plan a token opens, or null for a malformed, unknown, revoked or expired token, an archived
 * plan or patient, or a plan never issued. All of these look the same to the caller (and so to the patient).
 */
export async function resolveShareToken(token: string): Promise<ResolvedShareLink | null> {
  if (!isWellFormedToken(token)) return null;
  const [row] = await liveLinkByHash().execute({ tokenHash: hashToken(token) });
  return row ? resolvedLink(row) : null;
}

/**
 * `resolveShareToken`, the plan's sessions of the last 14 days and its open PSFS request (if the
 * clinician asked the patient to score their activities), in one round trip: what the patient
 * page reads on every visit.
 */
export async function resolveShareTokenForPage(
  token: string,
): Promise<{ link: ResolvedShareLink; recentSessions: PatientSession[]; psfsRequest: PatientPsfsRequest | null } | null> {
  if (!isWellFormedToken(token)) return null;
  const [row] = await liveLinkWithSessionsByHash().execute({ tokenHash: hashToken(token) });
  const link = row ? await resolvedLink(row) : null;
  return link ? { link, recentSessions: row.recentSessions, psfsRequest: row.psfsRequest } : null;
}
