// The session cookie's security, shared by next-auth's options and proxy.ts (which must look for
// the same cookie name). Kept free of the database so proxy.ts can import it.

import { env } from "@/lib/env";

type PublicUrls = { PUBLIC_URL?: string; NEXTAUTH_URL?: string };

/** Secure cookies (`__Secure-` names, the Secure attribute) whenever the public URL is https. */
export function usesSecureCookies(config: PublicUrls): boolean {
  return (config.PUBLIC_URL ?? config.NEXTAUTH_URL ?? "").startsWith("https://");
}

export function sessionCookieName(config: PublicUrls = env()): string {
  return `${usesSecureCookies(config) ? "__Secure-" : ""}next-auth.session-token`;
}
