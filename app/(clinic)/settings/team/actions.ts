"use server";
// The team page's actions: admins only (adminAction), and lib/team checks the role and clinic again.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { adminAction } from "@/lib/auth/admin-action";
import { resetTwoFactor, setTwoFactorRequired } from "@/lib/auth/two-factor/two-factor";
import { inviteUser, revokeInvitation, setUserActive, setUserRole } from "@/lib/team/team";
import { idSchema } from "@/lib/ids";

const notFound = { ok: false, message: "This colleague could not be found. Reload the page." } as const;
const role = z.enum(["admin", "clinician"], { error: "Choose a role" });

export const inviteAction = adminAction(
  z.object({
    email: z.email({ error: "Enter an email address like name@example.com" }).trim().max(320, "Email must be 320 characters or fewer"),
    role: role.default("clinician"),
  }),
  async (input, actor) => {
    const result = await inviteUser(actor, input);
    if (!result) return notFound;
    revalidatePath("/settings/team");
    const where =
      result.delivery.state === "sent"
        ? `Invitation sent to ${result.email}.`
        : result.delivery.state === "outbox"
          ? `Invitation to ${result.email} is in the outbox (no mail server is configured): open the outbox to copy the link.`
          : `The invitation to ${result.email} was created but the email could not be sent. Check the mail server, then invite again.`;
    return { ok: result.delivery.state !== "failed", message: where };
  },
);

export const setActiveAction = adminAction(
  z.object({ userId: idSchema(), active: z.enum(["true", "false"]).transform((v) => v === "true") }),
  async ({ userId, active }, actor) => {
    const result = await setUserActive(actor, { userId, active });
    if (!result) return notFound;
    revalidatePath("/settings/team");
    return { ok: true, message: active ? "Reactivated. They can sign in again." : "Deactivated. Their sessions have ended." };
  },
);

export const setRoleAction = adminAction(z.object({ userId: idSchema(), role }), async (input, actor) => {
  const result = await setUserRole(actor, input);
  if (!result) return notFound;
  revalidatePath("/settings/team");
  return { ok: true, message: input.role === "admin" ? "Now an admin." : "Now a clinician." };
});

export const revokeInvitationAction = adminAction(z.object({ invitationId: idSchema() }), async ({ invitationId }, actor) => {
  const result = await revokeInvitation(actor, { invitationId });
  if (result === null) return notFound;
  revalidatePath("/settings/team");
  return result ? { ok: true, message: "Invitation withdrawn. Its link no longer works." } : { ok: false, message: "This invitation was already used or withdrawn." };
});

export const resetTwoFactorAction = adminAction(z.object({ userId: idSchema() }), async ({ userId }, actor) => {
  const result = await resetTwoFactor(actor, { userId });
  if (!result) return notFound;
  revalidatePath("/settings/team");
  return result.changed
    ? { ok: true, message: "Two-factor reset. Their sessions have ended; they sign in with their password and set it up again." }
    : { ok: true, message: "Two-factor sign-in was already off for them." };
});

export const requireTwoFactorAction = adminAction(z.object({ required: z.enum(["true", "false"]).transform((v) => v === "true") }), async ({ required }, actor) => {
  const result = await setTwoFactorRequired(actor, { required });
  if (!result) return { ok: false, message: "This page could not be found." };
  revalidatePath("/settings/team");
  return {
    ok: true,
    message: required ? "Two-factor sign-in is now required. Colleagues without it set it up at their next page." : "Two-factor sign-in is no longer required.",
  };
});
