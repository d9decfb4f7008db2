// "Email the link to the patient": needs the patient's email and their recorded consent (ticked here
// once, then kept on the patient's record), at most 5 an hour per plan, audited. The subject names the
// clinic and nothing about the patient's condition.
import "server-only";
import { and, eq } from "drizzle-orm";
import { db } from "@/db/client";
import { clinics, patients, plans, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { recordAuditBy } from "@/lib/audit/record";
import { UserError } from "@/lib/errors";
import { acquire, type RateLimit } from "@/lib/rate-limit";
import { getShareLink } from "@/lib/sharing/links";
import { patientLinkUrl } from "@/lib/sharing/url";
import { planLinkMessage } from "./messages";
import { appOrigin } from "./origin";
import { sendEmail, type SendResult } from "./send";
import { isUuid } from "@/lib/ids";

export const planLinkEmailLimit: RateLimit = { bucket: "plan-link-email", limit: 5, windowMs: 60 * 60 * 1000 };


export type PlanLinkEmailReadiness = { patientFirstName: string; patientEmail: string | null; consentAt: Date | null };

/** What the plan page needs to offer the button: the patient's email and consent. Null when not the actor's clinic's plan. */
export async function planLinkEmailReadiness(actor: Actor, { planId }: { planId: string }): Promise<PlanLinkEmailReadiness | null> {
  if (!isUuid(planId)) return null;
  const [row] = await db
    .select({ patientFirstName: patients.firstName, patientEmail: patients.email, consentAt: patients.emailConsentAt })
    .from(plans)
    .innerJoin(patients, eq(patients.id, plans.patientId))
    .where(and(eq(plans.id, planId), eq(plans.clinicId, actor.clinicId)));
  return row ?? null;
}

/** Sends the plan's live link to the patient. Null when the plan is not the actor's clinic's. */
export async function emailPlanLink(actor: Actor, { planId, consent }: { planId: string; consent: boolean }): Promise<{ to: string; delivery: SendResult } | null> {
  if (!isUuid(planId)) return null;
  const [row] = await db
    .select({
      patientId: patients.id,
      firstName: patients.firstName,
      email: patients.email,
      consentAt: patients.emailConsentAt,
      clinicName: clinics.name,
      clinicPhone: clinics.phone,
    })
    .from(plans)
    .innerJoin(patients, eq(patients.id, plans.patientId))
    .innerJoin(clinics, eq(clinics.id, plans.clinicId))
    .where(and(eq(plans.id, planId), eq(plans.clinicId, actor.clinicId)));
  if (!row) return null;
  if (!row.email) throw new UserError("Add the patient's email address to their record first.");
  if (!row.consentAt && !consent) {
    throw new UserError("Record the patient's consent first.", { consent: ["Tick this once the patient has agreed to receive their plan by email."] });
  }
  const link = await getShareLink(actor, { planId });
  if (!link) throw new UserError("This plan has no active link. Create one first.");
  if (link.expired) throw new UserError("This plan's link has expired. Change or remove the expiry first.");
  if (!link.token) throw new UserError("This link can no longer be shown (the server's secret changed). Replace it first.");
  const slot = await acquire([{ rule: planLinkEmailLimit, key: planId }]);
  if (!slot.ok) throw new UserError("This plan's link was emailed 5 times in the last hour. Try again later.");
  if (!row.consentAt) {
    await db.transaction(async (tx) => {
      await tx.update(patients).set({ emailConsentAt: new Date(), emailConsentBy: actor.userId }).where(and(eq(patients.id, row.patientId), eq(patients.clinicId, actor.clinicId)));
      await recordAuditBy(tx, actor, { action: "patient.email-consent-recorded", entityType: "patient", entityId: row.patientId });
    });
  }
  const [sender] = await db.select({ name: users.name }).from(users).where(eq(users.id, actor.userId));
  const message = planLinkMessage({
    patientFirstName: row.firstName,
    clinicName: row.clinicName,
    clinicianName: sender?.name ?? actor.name,
    clinicPhone: row.clinicPhone,
    url: patientLinkUrl(appOrigin(), link.token),
  });
  const delivery = await sendEmail({ clinicId: actor.clinicId, kind: "plan-link", to: row.email, createdBy: actor.userId, ...message });
  await recordAuditBy(db, actor, {
    action: "plan-link.emailed",
    entityType: "plan",
    entityId: planId,
    detail: { to: row.email, state: delivery.state, emailId: delivery.id },
  });
  return { to: row.email, delivery };
}
