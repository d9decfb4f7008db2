// "A re-issue would change this": what the clinic's settings have changed since a plan's newest
// issued version, which keeps the settings it was issued with.
import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { getClinic } from "@/lib/clinic/settings";
import { clinicChanges, snapshotClinicOf } from "@/lib/clinic/snapshot-clinic";
import { UserError } from "@/lib/errors";
import { getIssuedVersion } from "@/lib/sharing/versions";

/** Null when the plan is not the actor's clinic's or was never issued; else the newest version and what differs. */
export async function clinicChangesSinceIssue(actor: Actor, { planId }: { planId: string }): Promise<{ version: number; changes: string[] } | null> {
  const [issued, clinic] = await Promise.all([getIssuedVersion(actor, { planId }), getClinic(actor)]);
  if (!issued || !clinic) return null;
  try {
    return { version: issued.version, changes: clinicChanges(issued.snapshot.clinic, snapshotClinicOf(clinic)) };
  } catch (error) {
    // Incomplete "other" wording: issuing would be refused with this message, so show it.
    if (error instanceof UserError) return { version: issued.version, changes: [error.message] };
    throw error;
  }
}
