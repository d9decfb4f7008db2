import NextAuth from "next-auth";
import { authOptions, rateLimitedError } from "@/lib/auth/options";
import { clientIp, signInRetryAfter } from "@/lib/auth/sign-in";
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
  }
  return handler(request, context);
}
