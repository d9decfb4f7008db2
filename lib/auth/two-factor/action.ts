import "server-only";
import type { z } from "zod";
import { isDatabaseUnavailable, tryAgainMessage, UserError } from "@/lib/errors";
import { fieldErrorsOf, formValues, type FormState } from "@/lib/auth/action";
import { getActor, getEnrollingActor, type Actor } from "@/lib/auth/actor";

/** A form state that can carry the recovery codes to show once. */
export type TwoFactorFormState = FormState & { recoveryCodes?: string[] };

/**
 * action() for the user's own two-factor forms. Unlike every other action it also serves a user who
 * owes an enrolment (their clinic requires two-factor): enrolling is the one thing they may do.
 * Typed codes and passwords are never echoed back.
 */
export function twoFactorAction<S extends z.ZodType>(schema: S, fn: (input: z.infer<S>, actor: Actor) => Promise<TwoFactorFormState | void>) {
  return async (_previous: TwoFactorFormState, formData: FormData): Promise<TwoFactorFormState> => {
    const values = formValues(formData);
    try {
      const actor = (await getActor()) ?? (await getEnrollingActor());
      if (!actor) return { ok: false, message: "Your session has ended. Sign in again to save." };
      const parsed = schema.safeParse(values);
      if (!parsed.success) return { ok: false, message: "Please correct the highlighted fields.", fieldErrors: fieldErrorsOf(parsed.error) };
      return (await fn(parsed.data, actor)) ?? { ok: true };
    } catch (error) {
      if (error instanceof UserError) return { ok: false, message: error.message, fieldErrors: error.fieldErrors };
      if (isDatabaseUnavailable(error)) return { ok: false, message: tryAgainMessage };
      throw error;
    }
  };
}
