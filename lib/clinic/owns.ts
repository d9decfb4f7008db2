// The ownership rule most reads start with: the row is the actor's clinic's. "Not yours" and "does not
// exist" read alike (and so does an id that is not a UUID), so a caller answers both with null.
import "server-only";
import { and, eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { patients, plans } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { isUuid } from "@/lib/ids";

const owned = { patient: patients, plan: plans };

/** True when the `kind` row `id` is the actor's clinic's. Inside a transaction, pass it as `executor`. */
export async function clinicOwns(executor: Executor, actor: Actor, kind: keyof typeof owned, id: string): Promise<boolean> {
  if (!isUuid(id)) return false;
  const table = owned[kind];
  const [row] = await executor
    .select({ id: table.id })
    .from(table)
    .where(and(eq(table.id, id), eq(table.clinicId, actor.clinicId)));
  return row !== undefined;
}
