// "Password accepted, code still owed": the state between the two sign-in steps of an account with
// two-factor on. It is not a session. It names the user and the session version the password step
// saw, lasts 5 minutes, is sealed under the server secret (./seal.ts), and travels only in an
// HttpOnly, SameSite=Strict cookie scoped to /api/auth (app/api/auth/[...nextauth]/route.ts moves
// it there from next-auth's answer). The code step (lib/auth/options.ts, provider "totp") opens it.
import { open, seal } from "@/lib/crypto/seal";

export const pendingValiditySeconds = 5 * 60;
const purpose = "pending two-factor sign-in";

/** The error the password step reports for an account that owes a code (the sealed state follows a colon). */
export const twoFactorRequiredError = "TwoFactorRequired";
/** The error the code step reports when the pending state is missing or older than 5 minutes. */
export const twoFactorExpiredError = "TwoFactorExpired";

export type PendingSignIn = { userId: string; sessionVersion: number };

export function sealPending(pending: PendingSignIn, secret: string, now: number = Date.now()): string {
  return seal(JSON.stringify({ uid: pending.userId, sv: pending.sessionVersion, exp: now + pendingValiditySeconds * 1000 }), purpose, purpose, secret);
}

export function openPending(sealed: string | null | undefined, secret: string, now: number = Date.now()): PendingSignIn | null {
  const plain = open(sealed, purpose, purpose, secret);
  if (!plain) return null;
  try {
    const { uid, sv, exp } = JSON.parse(plain) as { uid: unknown; sv: unknown; exp: unknown };
    if (typeof uid !== "string" || typeof sv !== "number" || typeof exp !== "number" || exp <= now) return null;
    return { userId: uid, sessionVersion: sv };
  } catch {
    return null;
  }
}

export function pendingCookieName(secure: boolean): string {
  return `${secure ? "__Secure-" : ""}physioplan.two-factor-pending`;
}

/** The value of one cookie in a Cookie header. */
export function cookieValue(header: string | null | undefined, name: string): string | null {
  for (const part of (header ?? "").split(";")) {
    const at = part.indexOf("=");
    if (at > 0 && part.slice(0, at).trim() === name) return decodeURIComponent(part.slice(at + 1).trim());
  }
  return null;
}

export function pendingCookie(name: string, value: string | null, secure: boolean): string {
  const attributes = ["Path=/api/auth", "HttpOnly", "SameSite=Strict", `Max-Age=${value ? pendingValiditySeconds : 0}`, ...(secure ? ["Secure"] : [])];
  return `${name}=${value ? encodeURIComponent(value) : ""}; ${attributes.join("; ")}`;
}
