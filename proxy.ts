// Convenience only: sends signed-out visitors of clinic pages to sign-in. The clinic layout and
// every lib/ function check the actor again; authorization never rests on this file.
import { withAuth } from "next-auth/middleware";
import { sessionCookieName } from "./lib/auth/cookies";

// The cookie is `__Secure-`-prefixed when the public URL is https (lib/auth/cookies.ts).
export default withAuth({ pages: { signIn: "/sign-in" }, cookies: { sessionToken: { name: sessionCookieName() } } });

export const config = {
  matcher: ["/dashboard/:path*", "/patients/:path*", "/plans/:path*", "/exercises/:path*", "/templates/:path*", "/settings/:path*"],
};
