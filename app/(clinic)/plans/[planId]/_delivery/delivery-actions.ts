"use server";
// The clinician's link controls: create, revoke, replace and expiry. Each authenticates through
// action(), validates, and lib/sharing checks the plan is the actor's clinic's.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { endOfClinicDay } from "@/lib/dates/format";
import { recordRead } from "@/lib/audit/reads";
import { action, type FormState } from "@/lib/auth/action";
import { emailPlanLink } from "@/lib/email/plan-link";
import { ensureShareLink, replaceShareLink, revokeShareLink, setShareLinkExpiry } from "@/lib/sharing/links";
import { idSchema } from "@/lib/ids";

const planOnly = z.object({ planId: idSchema() });
const notFound: FormState = { ok: false, message: "This plan could not be found. Reload the page." };

export const createLinkAction = action(planOnly, async ({ planId }, actor) => {
  const link = await ensureShareLink(actor, { planId });
  if (!link) return notFound;
  revalidatePath(`/plans/${planId}`);
  return { ok: true, message: "The patient link is ready to copy." };
});

export const revokeLinkAction = action(planOnly, async ({ planId }, actor) => {
  const revoked = await revokeShareLink(actor, { planId });
  if (!revoked) return { ok: false, message: "This plan has no active link to revoke." };
  revalidatePath(`/plans/${planId}`);
  return { ok: true, message: "Link revoked. It stopped working straight away." };
});

export const replaceLinkAction = action(planOnly, async ({ planId }, actor) => {
  const link = await replaceShareLink(actor, { planId });
  if (!link) return notFound;
  revalidatePath(`/plans/${planId}`);
  return { ok: true, message: "New link created. The old link and printed QR codes no longer work: give the patient a new handout." };
});

const expirySchema = z.discriminatedUnion("intent", [
  z.object({ planId: idSchema(), intent: z.literal("clear") }),
  z.object({
    planId: idSchema(),
    intent: z.literal("set"),
    expiresOn: z.iso.date({ error: "Enter a date, e.g. 31/12/2026" }),
  }),
]);

export const setExpiryAction = action(expirySchema, async (input, actor) => {
  const expiresAt = input.intent === "set" ? endOfClinicDay(input.expiresOn, actor.timeZone) : null;
  const link = await setShareLinkExpiry(actor, { planId: input.planId, expiresAt });
  if (!link) return { ok: false, message: "This plan has no active link." };
  revalidatePath(`/plans/${input.planId}`);
  return { ok: true, message: expiresAt ? "Expiry date saved." : "Expiry removed: the link works until you revoke it." };
});

/** Copying the patient link happens in the browser; the copy is recorded here (audit trail only). */
export const linkCopiedAction = action(planOnly, async ({ planId }, actor) => {
  const recorded = await recordRead(actor, { action: "share-link.copied", entityId: planId });
  return recorded ? { ok: true } : notFound;
});

const emailLinkSchema = z.object({
  planId: idSchema(),
  consent: z
    .string()
    .optional()
    .transform((v) => v === "yes"),
});

export const emailLinkAction = action(emailLinkSchema, async ({ planId, consent }, actor) => {
  const result = await emailPlanLink(actor, { planId, consent });
  if (!result) return notFound;
  revalidatePath(`/plans/${planId}`);
  if (result.delivery.state === "failed") return { ok: false, message: `The email to ${result.to} could not be sent. Try again later, or give the patient the link another way.` };
  if (result.delivery.state === "outbox") return { ok: true, message: `No mail server is configured: the email to ${result.to} is waiting in the clinic's outbox.` };
  return { ok: true, message: `Link emailed to ${result.to}.` };
});
