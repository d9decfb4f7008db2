import "server-only";
import { eq } from "drizzle-orm";
import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import { connection } from "next/server";
import { cache } from "react";
import { db } from "@/db/client";
import { clinics, users } from "@/db/schema";
import { authOptions } from "./options";

/** The signed-in clinician, as every lib/ function that touches tenant data receives it. */
export type Actor = {
  userId: string;
  clinicId: string;
  role: "admin" | "clinician";
  name: string;
  email: string;
  clinicName: string;
};

/**
 * Reads the session and re-checks the user against the database on every request: a deactivated
 * user or a bumped session_version ends the session at once. Cached per request.
 */
export const getActor = cache(async (): Promise<Actor | null> => {
  // A session is per request: never prerender a page that asks for one.
  await connection();
  const session = await getServerSession(authOptions());
  if (!session?.user?.id) return null;
  return loadActor({ userId: session.user.id, sessionVersion: session.user.sessionVersion });
});

/** For pages and layouts: the actor, or a redirect to sign-in. */
export async function requireActor(): Promise<Actor> {
  const actor = await getActor();
  if (!actor) redirect("/sign-in?reason=signed-out");
  return actor;
}

/** The actor for a session's user, or null when the user is gone, deactivated or the session was revoked. */
export async function loadActor(session: { userId: string; sessionVersion: number }): Promise<Actor | null> {
  const [row] = await db
    .select({
      userId: users.id,
      clinicId: users.clinicId,
      role: users.role,
      name: users.name,
      email: users.email,
      active: users.active,
      sessionVersion: users.sessionVersion,
      clinicName: clinics.name,
    })
    .from(users)
    .innerJoin(clinics, eq(clinics.id, users.clinicId))
    .where(eq(users.id, session.userId));
  if (!row || !row.active || row.sessionVersion !== session.sessionVersion) return null;
  return { userId: row.userId, clinicId: row.clinicId, role: row.role, name: row.name, email: row.email, clinicName: row.clinicName };
}
