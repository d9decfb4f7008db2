import "server-only";
import type { z } from "zod";
import { action, type FormState } from "@/lib/auth/action";
import type { Actor } from "@/lib/auth/actor";

/** A form state that can carry the recovery codes to show once. */
export type TwoFactorFormState = FormState & { recoveryCodes?: string[] };

/**
 * action() for the user's own two-factor forms: it also serves a user who owes an enrolment (their
 * clinic requires two-factor), and typed codes and passwords are never echoed back.
 */
export function twoFactorAction<S extends z.ZodType>(schema: S, fn: (input: z.infer<S>, actor: Actor) => Promise<TwoFactorFormState | void>) {
  return action<S, TwoFactorFormState>(schema, fn, { enrolling: true, echo: false });
}
