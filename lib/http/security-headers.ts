// The security headers, in one place. Clinic pages get a Content-Security-Policy with a fresh
// nonce per request (proxy.ts); the patient's pages under /p/ run no script at all, so theirs is a
// fixed policy (next.config.ts). HSTS is sent when the public URL is https.

/** Features no page of the app uses. */
export const permissionsPolicy = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), display-capture=()";

/**
 * The clinic area: scripts only with this request's nonce (Next puts it on its own scripts, and
 * 'strict-dynamic' lets them load the page's chunks), styles from our own files or with the nonce.
 * Inline style *attributes* stay allowed: React renders a few (bar widths), and an attribute cannot
 * run script. Development adds 'unsafe-eval', which React's dev tooling needs.
 */
export function clinicContentSecurityPolicy(nonce: string, { dev = false, https = false }: { dev?: boolean; https?: boolean } = {}): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    `style-src 'self' 'nonce-${nonce}'`,
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

/**
 * The patient's page, its handout and everything else under /p/: no script of any kind, only the
 * page's stylesheet, its figures (files) and the clinic logo (a data: URL), and the log form
 * posting back to us.
 */
export const patientContentSecurityPolicy = [
  "default-src 'none'",
  "style-src 'self'",
  "img-src 'self' data:",
  "form-action 'self'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join("; ");

/** Two years, as browsers' preload lists ask; only ever over https. */
export function strictTransportSecurity(publicUrl: string): Record<string, string> {
  return publicUrl.startsWith("https:") ? { "Strict-Transport-Security": "max-age=63072000; includeSubDomains" } : {};
}

/** A fresh, unguessable nonce for one response. */
export function newNonce(): string {
  return btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(18))));
}
