import "server-only";
import { and, eq } from "drizzle-orm";
import { db } from "@/db/client";
import { users } from "@/db/schema";
import type { Actor } from "./actor";

/**
 * Whether an active admin of the actor's clinic still signs in with a published password (the
 * demo's, marked by the seed). Every clinic page says so until the password is changed; changing
 * it clears `must_change_password`.
 */
export async function publishedPasswordInUse(actor: Actor): Promise<boolean> {
  const [row] = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.clinicId, actor.clinicId), eq(users.mustChangePassword, true), eq(users.active, true)))
    .limit(1);
  return Boolean(row);
}
