// Outbox bodies sealed (lib/crypto/seal.ts): an invitation or reset link waiting in the outbox must
// not sit in the database in clear. The row's id is bound in, so a body cannot be moved to another row.
import { open, seal } from "@/lib/crypto/seal";

const purpose = "outbound email";

export type EmailBody = { text: string; html: string };

export function sealBody(body: EmailBody, emailId: string, secret: string): string {
  return seal(JSON.stringify(body), purpose, emailId, secret);
}

/** The body back, or null when it cannot be read (another secret, a tampered or moved value). */
export function openBody(sealed: string | null, emailId: string, secret: string): EmailBody | null {
  const json = open(sealed, purpose, emailId, secret);
  if (json === null) return null;
  try {
    const body = JSON.parse(json) as EmailBody;
    return typeof body?.text === "string" && typeof body.html === "string" ? body : null;
  } catch {
    return null;
  }
}
