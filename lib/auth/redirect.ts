// Where the browser goes after sign-in: a page of this origin, or the dashboard. Resolved with the
// URL parser itself (which reads `/\host`, `/<tab>/host` and `\\host` as another host, as
// browsers do), never by looking at the first characters.

const dashboard = "/dashboard";
const probeOrigin = "http://physioplan.invalid";

/** For next-auth's redirect callback: an absolute URL on `baseUrl`'s origin. */
export function safeRedirect(url: string, baseUrl: string): string {
  const base = new URL(baseUrl);
  try {
    const target = new URL(url, base);
    if (target.origin === base.origin) return target.href;
  } catch {
    // not a URL at all
  }
  return new URL(dashboard, base).href;
}

/** For the sign-in form's `callbackUrl`: a path of this origin (path, query, hash), or the dashboard. */
export function safeCallbackPath(value: string | string[] | undefined): string {
  if (typeof value !== "string" || !value.startsWith("/")) return dashboard;
  try {
    const target = new URL(value, probeOrigin);
    if (target.origin !== probeOrigin) return dashboard;
    const path = `${target.pathname}${target.search}${target.hash}`;
    // The parsed path must start with exactly one slash: `//host` would leave the origin again.
    return path.startsWith("/") && !path.startsWith("//") ? path : dashboard;
  } catch {
    return dashboard;
  }
}
