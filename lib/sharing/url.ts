// The patient's link as a full URL, always on the one configured public origin. It is printed into
// cached PDFs as a QR code and sent in emails, so it never depends on a request's Host or
// X-Forwarded-Host header: whoever sent the first request would decide it for everyone.
import { publicUrl } from "@/lib/env";

export function publicOrigin(): string {
  return new URL(publicUrl()).origin;
}

export function patientLinkUrl(origin: string, token: string): string {
  return `${origin}/p/${token}`;
}
