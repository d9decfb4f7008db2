import "server-only";
import { notFound } from "next/navigation";
import { getActor, requireActor, type Actor } from "./actor";

/**
 * Settings, team, outbox and activity belong to a clinic's admins. To anyone else they do not
 * exist: pages call `requireAdmin()` (404 for a clinician), lib/ functions take the actor and call
 * `assertAdmin` (or use `adminOrNull` in actions) so that authorization never rests on hiding a link.
 */
export function isAdmin(actor: Actor): boolean {
  return actor.role === "admin";
}

/** For admin pages: the admin actor; sign-in when signed out; 404 for a clinician. */
export async function requireAdmin(): Promise<Actor> {
  const actor = await requireActor();
  if (!isAdmin(actor)) notFound();
  return actor;
}

/** For actions and route handlers: the admin actor, or null (signed out or not an admin). */
export async function adminOrNull(): Promise<Actor | null> {
  const actor = await getActor();
  return actor && isAdmin(actor) ? actor : null;
}
