import "server-only";
import { z } from "zod";
import { AppError, asAppError, type ErrorCode, UserError } from "@/lib/errors";
import { isAdmin } from "./admin";
import { getActor, getEnrollingActor, type Actor } from "./actor";
import { fieldErrorsOf } from "@/lib/forms/field-errors";

/** The one result shape of every form. `values` echoes what was typed, so a failed save loses nothing. */
export type FormState = {
  ok: boolean;
  /** why it failed (lib/errors.ts), for callers that act on it */
  code?: ErrorCode;
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

/** What every action answers when it did not do its work. */
export type ActionFailure = { ok: false; code: ErrorCode; message: string; fieldErrors?: Record<string, string[]> };

export interface ActionOptions {
  /** Admins only: anyone else is told "not found" and nothing runs (lib/ checks the role again). */
  admin?: boolean;
  /** What a signed-out caller reads (the builder keeps the edits on the page, so it says so). */
  signedOutMessage?: string;
  /**
   * Also serves a user who owes a two-factor enrolment (their clinic requires it and every other
   * action treats them as signed out): enrolling is the one thing they may do.
   */
  enrolling?: boolean;
  /** false: a failure echoes nothing back (passwords, codes). */
  echo?: boolean;
}

function failure(error: AppError): ActionFailure {
  return { ok: false, code: error.code, message: error.message, ...(error.fieldErrors ? { fieldErrors: error.fieldErrors } : {}) };
}

/**
 * The one action wrapper. Every action is a public POST endpoint, so each authenticates, checks the
 * role it needs, validates, and hands lib/ the actor, which authorizes by clinic. An AppError from
 * lib/ (or a database that did not answer) becomes a failure with its code; anything else is a
 * defect and fails loudly. Redirects and revalidation belong in `fn` after its work.
 */
async function perform<S extends z.ZodType, R>(
  schema: S,
  raw: unknown,
  fn: (input: z.infer<S>, actor: Actor) => Promise<R>,
  options: ActionOptions,
): Promise<R | ActionFailure> {
  try {
    const actor = (await getActor()) ?? (options.enrolling ? await getEnrollingActor() : null);
    if (!actor) return failure(new AppError("unauthenticated", options.signedOutMessage));
    if (options.admin && !isAdmin(actor)) return failure(new AppError("not-found", "This page could not be found."));
    const parsed = schema.safeParse(raw);
    if (!parsed.success) return failure(new AppError("invalid", undefined, { fieldErrors: fieldErrorsOf(parsed.error) }));
    return await fn(parsed.data, actor);
  } catch (error) {
    const known = asAppError(error);
    if (known) return failure(known);
    throw error;
  }
}

/** A failure as a form shows it: with what was typed, so nothing is lost. */
function asFormState<R extends FormState>(result: R | ActionFailure | void, values: FormState["values"], echo = true): R | FormState {
  if (!result) return { ok: true };
  return !result.ok && echo ? { ...result, values } : result;
}

/**
 * The action of a signed-out page (forgot password, reset, invitation, first run): the same
 * validation and failures as `action()`, without an actor. What it may do rests on its input alone
 * (a token, an email), so lib/ checks that input.
 */
export function publicAction<S extends z.ZodType>(schema: S, fn: (input: z.infer<S>) => Promise<FormState | void>, { echo }: { echo?: (keyof z.infer<S> & string)[] } = {}) {
  return async (_previous: FormState, formData: FormData): Promise<FormState> => {
    const values = formValues(formData);
    // Passwords and tokens are never echoed back into the page.
    const echoed = echo ? Object.fromEntries(Object.entries(values).filter(([key]) => (echo as string[]).includes(key))) : {};
    try {
      const parsed = schema.safeParse(values);
      if (!parsed.success) return asFormState(failure(new AppError("invalid", undefined, { fieldErrors: fieldErrorsOf(parsed.error) })), echoed);
      return asFormState(await fn(parsed.data), echoed);
    } catch (error) {
      const known = asAppError(error);
      if (known) return asFormState(failure(known), echoed);
      throw error;
    }
  };
}

/**
 * A form's action (`useActionState`): FormData in, FormState out. A failure echoes what was typed
 * in `values`, so nothing is lost.
 */
export function action<S extends z.ZodType, R extends FormState = FormState>(
  schema: S,
  fn: (input: z.infer<S>, actor: Actor) => Promise<NoInfer<R> | void>,
  options: ActionOptions = {},
) {
  // A failure is a FormState with no extra fields; R's extras (recovery codes…) are optional.
  return async (_previous: R, formData: FormData): Promise<R> => {
    const values = formValues(formData);
    const result = await perform(schema, values, fn, options);
    // Admin-only refusals echo nothing: the caller may not even learn the form exists.
    const refusedAsNotFound = options.admin && result && !result.ok && result.code === "not-found";
    return asFormState(result, values, options.echo !== false && !refusedAsNotFound) as R;
  };
}

/**
 * An action called from client code with a typed object (the builder): the same checks, the
 * input cleaned of NUL characters before validation; answers the handler's success or a failure.
 */
export function typedAction<S extends z.ZodType, R extends { ok: true }>(
  schema: S,
  fn: (input: z.infer<S>, actor: Actor) => Promise<R>,
  options: ActionOptions = {},
) {
  return (input: unknown): Promise<R | ActionFailure> => perform(schema, withoutNul(input), fn, options);
}

export { AppError };
