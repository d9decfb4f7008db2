"use server";
// The signed-in user's own two-factor sign-in: confirm an offered key, replace the recovery codes,
// turn it off. Also used by the enrolment a clinic's requirement sends its users to (/two-factor/enrol).
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { twoFactorAction } from "@/lib/auth/two-factor/action";
import { confirmEnrolment, removeTwoFactor, replaceRecoveryCodes } from "@/lib/auth/two-factor/two-factor";

export const confirmEnrolmentAction = twoFactorAction(
  z.object({
    offer: z.string({ error: "Start again: this key has expired." }).min(1).max(500),
    code: z.string({ error: "Type the 6-digit code your app shows" }).trim().min(1, "Type the 6-digit code your app shows").max(20, "A code has 6 digits"),
  }),
  async (input, actor) => {
    // No revalidation: the page would re-render without the codes. The form refreshes it once
    // the user says the codes are saved.
    const { recoveryCodes } = await confirmEnrolment(actor, input);
    return { ok: true, message: "Two-factor sign-in is on.", recoveryCodes };
  },
);

/** Recovery codes replaced, or two-factor turned off: one form, the password asked again either way. */
export const manageTwoFactorAction = twoFactorAction(
  z.object({
    intent: z.enum(["new-codes", "turn-off"], { error: "Choose what to do" }),
    currentPassword: z.string({ error: "Enter your password" }).min(1, "Enter your password").max(200),
  }),
  async ({ intent, currentPassword }, actor) => {
    if (intent === "new-codes") {
      const { recoveryCodes } = await replaceRecoveryCodes(actor, { currentPassword });
      return { ok: true, message: "New recovery codes. The old ones no longer work.", recoveryCodes };
    }
    await removeTwoFactor(actor, { currentPassword });
    revalidatePath("/account");
    return { ok: true, message: "Two-factor sign-in is off. Signing in now asks only for your password." };
  },
);
