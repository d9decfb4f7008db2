import "server-only";
import type { z } from "zod";
import { UserError } from "@/lib/errors";
import { fieldErrorsOf, formValues, type FormState } from "./action";
import type { Actor } from "./actor";
import { getActor } from "./actor";
import { isAdmin } from "./admin";

/**
 * action() for admin-only forms (team, settings): a signed-out caller is told the session ended, a
 * clinician gets "not found" and nothing runs. lib/ checks the role again.
 */
export function adminAction<S extends z.ZodType>(schema: S, fn: (input: z.infer<S>, actor: Actor) => Promise<FormState | void>) {
  return async (_previous: FormState, formData: FormData): Promise<FormState> => {
    const values = formValues(formData);
    const actor = await getActor();
    if (!actor) return { ok: false, message: "Your session has ended. Sign in again to save.", values };
    if (!isAdmin(actor)) return { ok: false, message: "This page could not be found." };
    const parsed = schema.safeParse(values);
    if (!parsed.success) return { ok: false, message: "Please correct the highlighted fields.", fieldErrors: fieldErrorsOf(parsed.error), values };
    try {
      return (await fn(parsed.data, actor)) ?? { ok: true };
    } catch (error) {
      if (error instanceof UserError) return { ok: false, message: error.message, fieldErrors: error.fieldErrors, values };
      throw error;
    }
  };
}
