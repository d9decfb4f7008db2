// Re-issues the current request's session cookie with a new session version, after a password
// change has bumped it: the other sessions end, this one goes on. Uses next-auth 4's public JWT
// encode/decode and keeps every claim of the current token (whatever the auth options put there).
import "server-only";
import { cookies } from "next/headers";
import { decode, encode } from "next-auth/jwt";
import { sessionMaxAgeSeconds } from "@/lib/auth/options";
import { env } from "@/lib/env";

const names = ["__Secure-next-auth.session-token", "next-auth.session-token"] as const;

export async function reissueSessionCookie(sessionVersion: number): Promise<boolean> {
  const jar = await cookies();
  const name = names.find((n) => jar.get(n));
  if (!name) return false;
  const secret = env().NEXTAUTH_SECRET;
  const token = await decode({ token: jar.get(name)!.value, secret });
  if (!token) return false;
  const value = await encode({ token: { ...token, sv: sessionVersion }, secret, maxAge: sessionMaxAgeSeconds });
  jar.set(name, value, { httpOnly: true, sameSite: "lax", path: "/", secure: name.startsWith("__Secure-"), maxAge: sessionMaxAgeSeconds });
  return true;
}

/** Removes the session cookie (after "sign out everywhere" the session is dead anyway). */
export async function clearSessionCookie(): Promise<void> {
  const jar = await cookies();
  for (const name of names) if (jar.get(name)) jar.delete(name);
}
