import "server-only";
import { z } from "zod";
import { isDatabaseUnavailable, tryAgainMessage, UserError } from "@/lib/errors";
import { getActor, type Actor } from "./actor";
import { fieldErrorsOf } from "@/lib/forms/field-errors";

/** The one result shape of every form. `values` echoes what was typed, so a failed save loses nothing. */
export type FormState = {
  ok: boolean;
  message?: string;
  fieldErrors?: Record<string, string[]>;
  values?: Record<string, string | string[]>;
};

export const initialFormState: FormState = { ok: false };

export { UserError };

/** A list field: accepts one value or many (FormData repeats a name per value). */
export function listField<T extends z.ZodType>(item: T) {
  return z.preprocess((value) => (value === undefined || value === "" ? [] : Array.isArray(value) ? value : [value]), z.array(item));
}

/**
 * The input without NUL characters, which no one types and PostgreSQL cannot store in text or
 * JSON (it answers with an error: a 500). Strings, lists and plain objects, to any depth.
 */
export function withoutNul<T>(value: T): T {
  if (typeof value === "string") return (value.includes("\u0000") ? value.replaceAll("\u0000", "") : value) as T;
  if (Array.isArray(value)) return value.map(withoutNul) as T;
  if (value !== null && typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [withoutNul(key), withoutNul(item)])) as T;
  }
  return value;
}

/** FormData as a plain object; a name given more than once becomes a list. Files and `$ACTION` keys are skipped. */
export function formValues(formData: FormData): Record<string, string | string[]> {
  const values: Record<string, string | string[]> = {};
  for (const key of new Set(formData.keys())) {
    if (key.startsWith("$ACTION")) continue;
    const all = formData.getAll(key).filter((v): v is string => typeof v === "string").map(withoutNul);
    if (all.length === 0) continue;
    values[key] = all.length === 1 ? all[0] : all;
  }
  return values;
}

export { fieldErrorsOf };

/**
 * Wraps a server action: every action is a public POST endpoint, so each one authenticates,
 * validates and hands lib/ the actor, which authorizes by clinic. Redirects and revalidation
 * belong in `fn` after its work, or in the caller, never inside a try that swallows them.
 */
export function action<S extends z.ZodType>(
  schema: S,
  fn: (input: z.infer<S>, actor: Actor) => Promise<FormState | void>,
) {
  return async (_previous: FormState, formData: FormData): Promise<FormState> => {
    const values = formValues(formData);
    try {
      const actor = await getActor();
      if (!actor) return { ok: false, message: "Your session has ended. Sign in again to save.", values };
      const parsed = schema.safeParse(values);
      if (!parsed.success) {
        return { ok: false, message: "Please correct the highlighted fields.", fieldErrors: fieldErrorsOf(parsed.error), values };
      }
      return (await fn(parsed.data, actor)) ?? { ok: true };
    } catch (error) {
      if (error instanceof UserError) return { ok: false, message: error.message, fieldErrors: error.fieldErrors, values };
      // A restart or outage of the database: the transaction did not commit, so say "try again"
      // (with everything typed kept) rather than failing the page.
      if (isDatabaseUnavailable(error)) return { ok: false, message: tryAgainMessage, values };
      throw error;
    }
  };
}
