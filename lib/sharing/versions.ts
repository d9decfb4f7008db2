// Issued versions as the clinician's delivery panel and handout download read them.
import "server-only";
import { and, desc, eq } from "drizzle-orm";
import { db as defaultDb, type Executor } from "@/db/client";
import { planVersions, plans } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { isUuid } from "@/lib/ids";
import { planSnapshotSchema, type PlanSnapshot } from "@/lib/plans/snapshot";

/** One issued version of the actor's clinic's plan: `version` or the newest. Null when not theirs or never issued. */
export async function getIssuedVersion(
  actor: Actor,
  { planId, version }: { planId: string; version?: number },
  executor: Executor = defaultDb,
): Promise<{ versionId: string; version: number; snapshot: PlanSnapshot } | null> {
  if (!isUuid(planId)) return null;
  const [row] = await executor
    .select({ versionId: planVersions.id, version: planVersions.version, snapshot: planVersions.snapshot })
    .from(planVersions)
    .innerJoin(plans, and(eq(plans.id, planVersions.planId), eq(plans.clinicId, actor.clinicId)))
    .where(
      and(
        eq(planVersions.planId, planId),
        eq(planVersions.clinicId, actor.clinicId),
        version === undefined ? undefined : eq(planVersions.version, version),
      ),
    )
    .orderBy(desc(planVersions.version))
    .limit(1);
  if (!row) return null;
  return { versionId: row.versionId, version: row.version, snapshot: planSnapshotSchema.parse(row.snapshot) };
}
