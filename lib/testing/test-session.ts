// The one stand-in for tests that call server actions directly: who is signed in. Everything else
// (the database, the action wrapper, authorization in lib/) is real. Use it as
//   vi.mock("@/lib/auth/actor", async (original) => (await import("@/lib/testing/test-session")).withTestSession(original));
// and set `testSession.actor` to the clinician the next call acts as (null: signed out).
import type { Actor } from "@/lib/auth/actor";

export const testSession: { actor: Actor | null } = { actor: null };

type ActorModule = typeof import("@/lib/auth/actor");

/** lib/auth/actor as it is, but for the session it reads: `testSession.actor`. */
export async function withTestSession(original: () => Promise<ActorModule>): Promise<ActorModule> {
  return { ...(await original()), getActor: async () => testSession.actor, requireActor: async () => testSession.actor as Actor };
}
