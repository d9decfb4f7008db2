// Convenience only: sends signed-out visitors of clinic pages to sign-in. The clinic layout and
// every lib/ function check the actor again; authorization never rests on this file.
import { withAuth } from "next-auth/middleware";

export default withAuth({ pages: { signIn: "/sign-in" } });

export const config = {
  matcher: ["/dashboard/:path*", "/patients/:path*", "/plans/:path*", "/exercises/:path*", "/templates/:path*", "/settings/:path*", "/account/:path*"],
};
