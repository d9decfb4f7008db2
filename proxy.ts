// Runs before every page: gives each page response its Content-Security-Policy with a fresh nonce
// (Next reads the nonce from the request's policy and puts it on its own scripts), and sends
// signed-out visitors of clinic pages to sign-in. That redirect is convenience only: the clinic
// layout and every lib/ function check the actor again; authorization never rests on this file.
// Route handlers (/api, /p/, /figures) are not matched: their bodies are capped where they are read
// (lib/http/body-limit.ts), and a matched POST would have its body buffered for this file.
import { withAuth, type NextRequestWithAuth } from "next-auth/middleware";
import { NextResponse, type NextFetchEvent, type NextRequest } from "next/server";
import { sessionCookieName } from "@/lib/auth/cookies";
import { publicUrl } from "@/lib/env";
import { clinicContentSecurityPolicy, newNonce, strictTransportSecurity } from "@/lib/http/security-headers";

const clinicAreas = /^\/(dashboard|patients|plans|exercises|templates|settings|account|two-factor)(\/|$)/;

function withSecurityHeaders(request: NextRequest): NextResponse {
  const url = publicUrl();
  const policy = clinicContentSecurityPolicy(newNonce(), { dev: process.env.NODE_ENV === "development", https: url.startsWith("https:") });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("Content-Security-Policy", policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", policy);
  for (const [name, value] of Object.entries(strictTransportSecurity(url))) response.headers.set(name, value);
  return response;
}

const signedInOnly = withAuth((request) => withSecurityHeaders(request), {
  pages: { signIn: "/sign-in" },
  // The cookie is `__Secure-`-prefixed when the public URL is https (lib/auth/cookies.ts).
  cookies: { sessionToken: { name: sessionCookieName() } },
});

export default function proxy(request: NextRequest, event: NextFetchEvent) {
  if (clinicAreas.test(request.nextUrl.pathname)) return signedInOnly(request as NextRequestWithAuth, event);
  return withSecurityHeaders(request);
}

export const config = {
  matcher: ["/((?!api/|p/|figures/|_next/static|_next/image|favicon\\.ico|patient-page\\.css).*)"],
};
