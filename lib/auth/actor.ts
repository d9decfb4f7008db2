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
  /** The clinic's IANA time zone: its "today" (a session's day, a plan's last day) is counted there. */
  timeZone: string;
};

/**
 * Reads the session and re-checks the user against the database on every request: a deactivated
 * user or a bumped session_version ends the session at once. Cached per request.
 */
const currentSession = cache(async (): Promise<LoadedSession | null> => {
  // A session is per request: never prerender a page that asks for one.
  await connection();
  const session = await getServerSession(authOptions());
  if (!session?.user?.id) return null;
  return loadSession({ userId: session.user.id, sessionVersion: session.user.sessionVersion });
});

/**
 * The signed-in user, or null. Also null while the user owes a two-factor enrolment (their clinic
 * requires it and they have none): until then they can do nothing but enrol (`getEnrollingActor`).
 */
export const getActor = cache(async (): Promise<Actor | null> => {
  const loaded = await currentSession();
  return loaded && !loaded.enrolmentRequired ? loaded.actor : null;
});

/** The signed-in user who must enrol in two-factor before anything else, or null. */
export async function getEnrollingActor(): Promise<Actor | null> {
  const loaded = await currentSession();
  return loaded?.enrolmentRequired ? loaded.actor : null;
}

/** The path of the enrolment a clinic's requirement sends its users to. */
export const enrolmentPath = "/two-factor/enrol";

/** For pages and layouts: the actor, or a redirect to sign-in (or to the enrolment owed). */
export async function requireActor(): Promise<Actor> {
  const actor = await getActor();
  if (!actor) redirect((await getEnrollingActor()) ? enrolmentPath : "/sign-in?reason=signed-out");
  return actor;
}

export type LoadedSession = { actor: Actor; enrolmentRequired: boolean };

/** The actor for a session's user, or null when gone, deactivated, revoked, or owing a two-factor enrolment. */
export async function loadActor(session: { userId: string; sessionVersion: number }): Promise<Actor | null> {
  const loaded = await loadSession(session);
  return loaded && !loaded.enrolmentRequired ? loaded.actor : null;
}

/** The session's user, or null when the user is gone, deactivated or the session was revoked. */
export async function loadSession(session: { userId: string; sessionVersion: number }): Promise<LoadedSession | null> {
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
      timeZone: clinics.timeZone,
      requireTwoFactor: clinics.requireTwoFactor,
      totpEnabledAt: users.totpEnabledAt,
    })
    .from(users)
    .innerJoin(clinics, eq(clinics.id, users.clinicId))
    .where(eq(users.id, session.userId));
  if (!row || !row.active || row.sessionVersion !== session.sessionVersion) return null;
  return {
    actor: { userId: row.userId, clinicId: row.clinicId, role: row.role, name: row.name, email: row.email, clinicName: row.clinicName, timeZone: row.timeZone },
    enrolmentRequired: row.requireTwoFactor && !row.totpEnabledAt,
  };
}
