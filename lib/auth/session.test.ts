// Session lifetime with a fake clock: 30 minutes idle, 12 hours in all, and sign-out ends it on the server.
import { eq } from "drizzle-orm";
import type { JWT } from "next-auth/jwt";
import { afterEach, describe, expect, it, vi } from "vitest";
import { db } from "@/db/client";
import { users } from "@/db/schema";
import { createTestClinic } from "@/lib/testing/fixtures";
import { loadActor } from "./actor";
import { authOptions, sessionIdleSeconds, sessionMaxAgeSeconds, usesSecureCookies } from "./options";

const minute = 60_000;
const start = new Date("2026-03-02T08:00:00Z").getTime();

async function jwtAt(at: number, params: { token: JWT; user?: { id: string; name: string; email: string; sv: number } }): Promise<JWT> {
  vi.setSystemTime(at);
  const jwt = authOptions().callbacks!.jwt!;
  return (await jwt({ token: params.token, user: params.user as never, account: null })) as JWT;
}

afterEach(() => {
  vi.useRealTimers();
});

describe("session lifetime", () => {
  it("is 30 minutes idle and 12 hours in all", () => {
    expect(sessionIdleSeconds).toBe(30 * 60);
    expect(sessionMaxAgeSeconds).toBe(12 * 60 * 60);
  });

  it("ends after 30 minutes without a request, and last-seen moves with each request", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const signedIn = await jwtAt(start, { token: { name: "A", email: "a@x.test" }, user: { id: "u1", name: "A", email: "a@x.test", sv: 1 } });
    expect(signedIn).toMatchObject({ uid: "u1", sv: 1, authAt: start / 1000, seenAt: start / 1000 });
    const later = await jwtAt(start + 29 * minute, { token: signedIn });
    expect(later).toMatchObject({ uid: "u1", seenAt: (start + 29 * minute) / 1000 });
    const stillAlive = await jwtAt(start + 58 * minute, { token: later });
    expect(stillAlive.uid).toBe("u1");
    const idle = await jwtAt(start + 29 * minute + 31 * minute, { token: later });
    expect(idle.uid).toBeUndefined();
    const session = await authOptions().callbacks!.session!({ session: { expires: "" }, token: idle } as never);
    expect((session as { user: { id: string } }).user.id).toBe("");
  });

  it("ends 12 hours after sign-in however active the user is", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    let token = await jwtAt(start, { token: {}, user: { id: "u2", name: "B", email: "b@x.test", sv: 1 } });
    for (let at = start + 20 * minute; at < start + 12 * 60 * minute; at += 20 * minute) {
      token = await jwtAt(at, { token });
      expect(token.uid).toBe("u2");
    }
    expect((await jwtAt(start + 12 * 60 * minute + 1000, { token })).uid).toBeUndefined();
  });

  it("a token without the times (issued before this rule) is ended", async () => {
    expect((await jwtAt(Date.now(), { token: { uid: "u3", sv: 1 } })).uid).toBeUndefined();
  });

  it("sign-out bumps the session version, so a copied token is refused", async () => {
    const { user } = await createTestClinic();
    await authOptions().events!.signOut!({ token: { uid: user.id, sv: 1 }, session: undefined as never });
    expect(await loadActor({ userId: user.id, sessionVersion: 1 })).toBeNull();
    const [row] = await db.select({ sv: users.sessionVersion }).from(users).where(eq(users.id, user.id));
    expect(row.sv).toBe(2);
  });

  it("cookies are Secure whenever the public URL is https", () => {
    expect(usesSecureCookies({ PUBLIC_URL: "https://physio.example.org" })).toBe(true);
    expect(usesSecureCookies({ NEXTAUTH_URL: "https://physio.example.org" })).toBe(true);
    expect(usesSecureCookies({ PUBLIC_URL: "http://localhost:3000" })).toBe(false);
    expect(usesSecureCookies({})).toBe(false);
  });
});
