// The patient's link as a full URL. PUBLIC_URL (or NEXTAUTH_URL) wins when set, which is what a
// deployment behind a proxy should do: the link is printed into cached PDFs as a QR code, so it
// must not depend on whichever Host header the first request happened to carry.
import { env } from "@/lib/env";

const hostPattern = /^(\[[0-9a-fA-F:.]+\]|[A-Za-z0-9.-]+)(:\d{1,5})?$/;

export function publicOrigin(requestHeaders: Headers): string {
  const configured = env().PUBLIC_URL ?? env().NEXTAUTH_URL;
  if (configured) return new URL(configured).origin;
  const host = requestHeaders.get("x-forwarded-host")?.split(",")[0]?.trim() || requestHeaders.get("host") || "";
  const forwardedProto = requestHeaders.get("x-forwarded-proto")?.split(",")[0]?.trim();
  const proto = forwardedProto === "https" ? "https" : "http";
  return `${proto}://${hostPattern.test(host) ? host : "localhost"}`;
}

export function patientLinkUrl(origin: string, token: string): string {
  return `${origin}/p/${token}`;
}
