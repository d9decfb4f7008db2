import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth/options";
import { clientIp, isSignInLocked } from "@/lib/auth/sign-in";
import { readBodyWithin, signInBodyLimit, tooLargeResponse, withBody } from "@/lib/http/body-limit";

type Context = { params: Promise<{ nextauth: string[] }> };

function handler(request: Request, context: Context) {
  return NextAuth(authOptions())(request, context);
}

export const GET = handler;

/** The credentials callback answers 429 while an email+IP pair is locked, before any hash is computed. */
export async function POST(request: Request, context: Context) {
  // Every POST here is unauthenticated (sign-in, sign-out, CSRF): capped before anything reads it.
  const body = await readBodyWithin(request, signInBodyLimit);
  if (!body) return tooLargeResponse(signInBodyLimit);
  request = withBody(request, body);
  const { nextauth } = await context.params;
  if (nextauth.join("/") === "callback/credentials") {
    const form = await request.clone().formData();
    const email = form.get("email");
    if (typeof email === "string" && (await isSignInLocked(email, clientIp(request.headers)))) {
      const url = new URL("/sign-in?error=RateLimited", request.url).toString();
      return Response.json({ url, error: "RateLimited" }, { status: 429 });
    }
  }
  return handler(request, context);
}
