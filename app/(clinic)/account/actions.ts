"use server";
// The signed-in user's own account. Password forms never echo what was typed back to the browser.
import { redirect } from "next/navigation";
import { z } from "zod";
import { changePassword, signOutEverywhere } from "@/lib/account/password";
import { clearSessionCookie, reissueSessionCookie } from "@/lib/account/session-cookie";
import { action, type FormState } from "@/lib/auth/action";

const changePasswordForm = action(
  z
    .object({
      currentPassword: z.string({ error: "Enter your current password" }).min(1, "Enter your current password").max(200),
      newPassword: z.string({ error: "Enter a new password" }).min(1, "Enter a new password").max(500),
      confirmPassword: z.string().optional(),
    })
    .refine((v) => v.newPassword === v.confirmPassword, { path: ["confirmPassword"], message: "The two new passwords do not match." }),
  async ({ currentPassword, newPassword }, actor) => {
    const { sessionVersion } = await changePassword(actor, { currentPassword, newPassword });
    await reissueSessionCookie(sessionVersion);
    return { ok: true, message: "Password changed. Every other session has been signed out." };
  },
);

export async function changePasswordAction(previous: FormState, formData: FormData): Promise<FormState> {
  const result = await changePasswordForm(previous, formData);
  return { ...result, values: undefined };
}

export const signOutEverywhereAction = action(z.object({}), async (_input, actor) => {
  await signOutEverywhere(actor);
  await clearSessionCookie();
  redirect("/sign-in?reason=signed-out-everywhere");
});
