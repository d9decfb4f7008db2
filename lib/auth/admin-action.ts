import "server-only";
import type { z } from "zod";
import { action, type FormState } from "./action";
import type { Actor } from "./actor";

/**
 * action() for admin-only forms (team, settings): a signed-out caller is told the session ended, a
 * clinician gets "not found" and nothing runs. lib/ checks the role again.
 */
export function adminAction<S extends z.ZodType>(schema: S, fn: (input: z.infer<S>, actor: Actor) => Promise<FormState | void>) {
  return action(schema, fn, { admin: true });
}
