import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { NextAuthOptions } from "next-auth";
import type { JWT } from "next-auth/jwt";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { db } from "@/db/client";
import { users } from "@/db/schema";
import { env } from "@/lib/env";
import { usesSecureCookies } from "./cookies";
import { safeRedirect } from "./redirect";

export { usesSecureCookies };
import { authenticate, clientIp, completeTwoFactor } from "./sign-in";
import { cookieValue, openPending, pendingCookieName, sealPending, twoFactorExpiredError, twoFactorRequiredError } from "./two-factor/pending";

/** A session ends 12 hours after sign-in, however active. */
export const sessionMaxAgeSeconds = 12 * 60 * 60;
/** … and after 30 minutes without a request that refreshes it (see `jwt` below). */
export const sessionIdleSeconds = 30 * 60;

/** The error a refused sign-in reports to the form (`signIn()` returns it as `error`). */
export const rateLimitedError = "RateLimited";

const credentialsSchema = z.object({ email: z.string().trim().min(1).max(320), password: z.string().min(1).max(200) });
const codeSchema = z.object({ code: z.string().trim().min(1).max(40) });

declare module "next-auth" {
  interface Session {
    user: { id: string; name: string; email: string; sessionVersion: number };
  }
}
declare module "next-auth/jwt" {
  interface JWT {
    uid?: string;
    sv?: number;
    /** Sign-in time, seconds since the epoch. */
    authAt?: number;
    /** Last request that refreshed the token, seconds since the epoch. */
    seenAt?: number;
  }
}

/**
 * The session's token at this moment: refreshed last-seen, or ended (no user) when idle for 30
 * minutes or 12 hours after sign-in. next-auth runs the jwt callback on every session read: in
 * getServerSession (pages, actions) the refreshed token is not written back (a Server Component
 * cannot set cookies), so it only checks; on GET /api/auth/session the refreshed token is written to
 * the cookie. That endpoint is what the clinic pages call on navigation and user activity
 * (app/(clinic)/session-keeper.tsx), so last-seen moves with real use, not with an open tab.
 */
function refreshed(token: JWT, now: number): JWT {
  const seconds = Math.floor(now / 1000);
  const { authAt, seenAt } = token;
  if (authAt === undefined || seenAt === undefined) return {};
  if (seconds - seenAt > sessionIdleSeconds || seconds - authAt > sessionMaxAgeSeconds) return {};
  return { ...token, seenAt: seconds };
}

export function authOptions(): NextAuthOptions {
  const config = env();
  return {
    secret: config.NEXTAUTH_SECRET,
    session: { strategy: "jwt", maxAge: sessionMaxAgeSeconds },
    jwt: { maxAge: sessionMaxAgeSeconds },
    useSecureCookies: usesSecureCookies(config),
    pages: { signIn: "/sign-in", error: "/sign-in" },
    providers: [
      CredentialsProvider({
        name: "Email and password",
        credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
        async authorize(credentials, req) {
          const parsed = credentialsSchema.safeParse(credentials);
          if (!parsed.success) return null;
          const result = await authenticate({ ...parsed.data, ip: clientIp(req.headers ?? {}) });
          if (!result.ok && result.reason === "rate-limited") throw new Error(rateLimitedError);
          if (!result.ok) return null;
          // Two-factor on: no session yet. The sealed "code owed" state goes back in the error,
          // which the route handler moves into an HttpOnly cookie before the answer leaves.
          if (result.codeRequired) throw new Error(`${twoFactorRequiredError}:${sealPending({ userId: result.user.id, sessionVersion: result.user.sessionVersion }, config.NEXTAUTH_SECRET)}`);
          return { id: result.user.id, name: result.user.name, email: result.user.email, sv: result.user.sessionVersion };
        },
      }),
      // The second step: a TOTP or recovery code, with the pending state from the password step.
      CredentialsProvider({
        id: "totp",
        name: "Two-factor code",
        credentials: { code: { label: "Code", type: "text" } },
        async authorize(credentials, req) {
          const headers = (req.headers ?? {}) as Record<string, string | undefined>;
          const pending = openPending(cookieValue(headers.cookie, pendingCookieName(usesSecureCookies(config))), config.NEXTAUTH_SECRET);
          if (!pending) throw new Error(twoFactorExpiredError);
          const parsed = codeSchema.safeParse(credentials);
          if (!parsed.success) return null;
          const result = await completeTwoFactor({ ...pending, code: parsed.data.code, ip: clientIp(headers) });
          if (!result.ok && result.reason === "rate-limited") throw new Error(rateLimitedError);
          if (!result.ok) return null;
          return { id: result.user.id, name: result.user.name, email: result.user.email, sv: result.user.sessionVersion };
        },
      }),
    ],
    callbacks: {
      jwt({ token, user }) {
        const now = Date.now();
        if (user) {
          const seconds = Math.floor(now / 1000);
          return { ...token, uid: user.id, sv: (user as { sv?: number }).sv, authAt: seconds, seenAt: seconds };
        }
        return refreshed(token, now);
      },
      session({ session, token }) {
        session.user = { id: token.uid ?? "", name: token.name ?? "", email: token.email ?? "", sessionVersion: token.sv ?? 0 };
        return session;
      },
      redirect({ url, baseUrl }) {
        return safeRedirect(url, baseUrl);
      },
    },
    events: {
      // Sign-out ends the session on the server: the user's session version moves on, so the
      // cookie (or a copy of it) is refused by loadActor on the next request. This ends the
      // user's other sessions too: a JWT session has no server row of its own to delete.
      async signOut({ token }) {
        if (!token?.uid || token.sv === undefined) return;
        await db
          .update(users)
          .set({ sessionVersion: sql`${users.sessionVersion} + 1` })
          .where(and(eq(users.id, token.uid), eq(users.sessionVersion, token.sv)));
      },
    },
  };
}
