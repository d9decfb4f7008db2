import "server-only";
import { eq } from "drizzle-orm";
import { db } from "@/db/client";
import { users, type User } from "@/db/schema";
import { recordSignInEvent } from "@/lib/audit/sign-in-events";
import { clearEvents, isLimited, recordEvent, signInLimit } from "@/lib/rate-limit";
import { normaliseEmail } from "./email";
import { verifyPassword } from "./password";

export type SignInResult = { ok: true; user: User } | { ok: false; reason: "invalid" | "rate-limited" };


export function signInKey(email: string, ip: string): string {
  return `${normaliseEmail(email)}|${ip}`;
}

/** The client's address as the nearest proxy reports it; "local" when nothing does. */
export function clientIp(headers: Headers | Record<string, string | string[] | undefined>): string {
  const get = (name: string) => {
    if (headers instanceof Headers) return headers.get(name) ?? undefined;
    const value = headers[name];
    return Array.isArray(value) ? value[0] : value;
  };
  const forwarded = get("x-forwarded-for")?.split(",")[0]?.trim();
  return forwarded || get("x-real-ip") || "local";
}

export function isSignInLocked(email: string, ip: string): Promise<boolean> {
  return isLimited(signInLimit, signInKey(email, ip));
}

/**
 * Checks an email and password. A locked email+IP pair is refused before any hash is computed;
 * a wrong email and a wrong password fail the same way.
 */
export async function authenticate(input: { email: string; password: string; ip: string }): Promise<SignInResult> {
  const key = signInKey(input.email, input.ip);
  if (await isLimited(signInLimit, key)) {
    await recordSignInEvent("sign-in.locked", input.email, input.ip);
    return { ok: false, reason: "rate-limited" };
  }

  const [user] = await db.select().from(users).where(eq(users.email, normaliseEmail(input.email)));
  const valid = user !== undefined && user.active && (await verifyPassword(user.passwordHash, input.password));
  if (!valid) {
    await recordEvent(signInLimit, key);
    await recordSignInEvent("sign-in.failed", input.email, input.ip);
    return { ok: false, reason: "invalid" };
  }
  await clearEvents(signInLimit, key);
  await db.update(users).set({ lastSignInAt: new Date() }).where(eq(users.id, user.id));
  await recordSignInEvent("sign-in.succeeded", input.email, input.ip);
  return { ok: true, user };
}
