// Outbox bodies sealed with AES-256-GCM under a key derived from NEXTAUTH_SECRET: an invitation or
// reset link waiting in the outbox must not sit in the database in clear. The row's id is bound in
// as associated data, so a body cannot be moved to another row.
import crypto from "node:crypto";

const version = "v1";
const keys = new Map<string, Buffer>();

function key(secret: string): Buffer {
  let k = keys.get(secret);
  if (!k) {
    k = Buffer.from(crypto.hkdfSync("sha256", secret, "physioplan", "outbound email v1", 32));
    keys.set(secret, k);
  }
  return k;
}

export type EmailBody = { text: string; html: string };

export function sealBody(body: EmailBody, emailId: string, secret: string): string {
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv("aes-256-gcm", key(secret), iv);
  cipher.setAAD(Buffer.from(emailId, "utf8"));
  const sealed = Buffer.concat([cipher.update(JSON.stringify(body), "utf8"), cipher.final()]);
  return `${version}.${Buffer.concat([iv, sealed, cipher.getAuthTag()]).toString("base64url")}`;
}

/** The body back, or null when it cannot be read (another secret, a tampered or moved value). */
export function openBody(sealed: string | null, emailId: string, secret: string): EmailBody | null {
  if (!sealed?.startsWith(`${version}.`)) return null;
  const raw = Buffer.from(sealed.slice(version.length + 1), "base64url");
  if (raw.length < 12 + 16 + 2) return null;
  try {
    const decipher = crypto.createDecipheriv("aes-256-gcm", key(secret), raw.subarray(0, 12));
    decipher.setAAD(Buffer.from(emailId, "utf8"));
    decipher.setAuthTag(raw.subarray(raw.length - 16));
    const json = Buffer.concat([decipher.update(raw.subarray(12, raw.length - 16)), decipher.final()]).toString("utf8");
    const body = JSON.parse(json) as EmailBody;
    return typeof body.text === "string" && typeof body.html === "string" ? body : null;
  } catch {
    return null;
  }
}
