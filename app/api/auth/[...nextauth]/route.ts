import NextAuth from "next-auth";
import { authOptions, rateLimitedError } from "@/lib/auth/options";
import { usesSecureCookies } from "@/lib/auth/cookies";
import { clientIp, signInRetryAfter } from "@/lib/auth/sign-in";
import { pendingCookie, pendingCookieName, twoFactorExpiredError, twoFactorRequiredError } from "@/lib/auth/two-factor/pending";
import { env } from "@/lib/env";
import { readBodyWithin, signInBodyLimit, tooLargeResponse, withBody } from "@/lib/http/body-limit";

type Context = { params: Promise<{ nextauth: string[] }> };

function handler(request: Request, context: Context) {
  return NextAuth(authOptions())(request, context);
}

export const GET = handler;

/**
 * The credentials callback answers 429 while any sign-in limit refuses the email and address,
 * before any hash is computed. (authorize decides atomically; this is the fast, explicit answer.)
 */
export async function POST(request: Request, context: Context) {
  // Every POST here is unauthenticated (sign-in, sign-out, CSRF): capped before anything reads it.
  const body = await readBodyWithin(request, signInBodyLimit);
  if (!body) return tooLargeResponse(signInBodyLimit);
  request = withBody(request, body);
  const { nextauth } = await context.params;
  if (nextauth.join("/") === "callback/credentials") {
    const form = await request.clone().formData();
    const email = form.get("email");
    const retryAfter = typeof email === "string" ? await signInRetryAfter(email, clientIp(request.headers)) : 0;
    if (retryAfter > 0) {
      const url = new URL(`/sign-in?error=${rateLimitedError}`, request.url).toString();
      return Response.json({ url, error: rateLimitedError, retryAfter }, { status: 429, headers: { "Retry-After": String(retryAfter) } });
    }
    return withPendingStateInCookie(await handler(request, context));
  }
  if (nextauth.join("/") === "callback/totp") {
    const response = await handler(request, context);
    // Signed in, or the pending state is of no more use: the cookie goes.
    const error = errorOf(await locationOf(response));
    return error && error !== twoFactorExpiredError ? response : withCookie(response, pendingCookie(cookieName(), null, secure()));
  }
  return handler(request, context);
}

const secure = () => usesSecureCookies(env());
const cookieName = () => pendingCookieName(secure());

/** Where next-auth's answer sends the browser: the JSON `url` (fetch from the sign-in form) or the Location header. */
async function locationOf(response: Response): Promise<string | null> {
  const location = response.headers.get("Location");
  if (location) return location;
  if (!response.headers.get("Content-Type")?.includes("application/json")) return null;
  const body = (await response.clone().json().catch(() => null)) as { url?: unknown } | null;
  return typeof body?.url === "string" ? body.url : null;
}

function errorOf(location: string | null): string | null {
  if (!location) return null;
  try {
    return new URL(location, "http://localhost").searchParams.get("error");
  } catch {
    return null;
  }
}

function withCookie(response: Response, cookie: string, body?: BodyInit | null): Response {
  const headers = new Headers(response.headers);
  headers.append("Set-Cookie", cookie);
  return new Response(body === undefined ? response.body : body, { status: response.status, statusText: response.statusText, headers });
}

/**
 * The password step of an account with two-factor on answers with error `TwoFactorRequired:<sealed
 * state>` (lib/auth/options.ts). The sealed state leaves only as an HttpOnly cookie: it is cut out
 * of the URL the browser (or the form's script) is given.
 */
async function withPendingStateInCookie(response: Response): Promise<Response> {
  const location = await locationOf(response);
  const error = errorOf(location);
  if (!location || !error?.startsWith(`${twoFactorRequiredError}:`)) return response;
  const sealed = error.slice(twoFactorRequiredError.length + 1);
  const url = new URL(location, "http://localhost");
  url.searchParams.set("error", twoFactorRequiredError);
  const cleaned = location.startsWith("http") ? url.toString() : `${url.pathname}${url.search}`;
  const cookie = pendingCookie(cookieName(), sealed, secure());
  if (response.headers.get("Location")) {
    const redirected = withCookie(response, cookie, null);
    redirected.headers.set("Location", cleaned);
    return redirected;
  }
  const headers = new Headers(response.headers);
  headers.append("Set-Cookie", cookie);
  headers.delete("Content-Length");
  return new Response(JSON.stringify({ url: cleaned }), { status: response.status, headers });
}
