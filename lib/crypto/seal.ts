// Small values sealed with AES-256-GCM under a key derived from NEXTAUTH_SECRET: the outbox bodies,
// the share-link tokens, the TOTP key at rest, the key offered during enrolment and the "password
// accepted, code still owed" sign-in state. Each use has its own derived key (`purpose`) and binds
// associated data (a row's or user's id), so a sealed value cannot be moved to another row, user or
// use. Sealed: `v1.<base64url(iv ‖ ciphertext ‖ tag)>`.
import crypto from "node:crypto";
import { BoundedCache } from "@/lib/cache/bounded-cache";

const version = "v1";
// a few purposes under one secret (two while a rotated secret is still read)
const keys = new BoundedCache<string, Buffer>(32);

function key(secret: string, purpose: string): Buffer {
  return keys.getOrSet(`${purpose}\u0000${secret}`, () => Buffer.from(crypto.hkdfSync("sha256", secret, "physioplan", `${purpose} v1`, 32)));
}

export function seal(plain: string, purpose: string, boundTo: string, secret: string): string {
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv("aes-256-gcm", key(secret, purpose), iv);
  cipher.setAAD(Buffer.from(boundTo, "utf8"));
  const sealed = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return `${version}.${Buffer.concat([iv, sealed, cipher.getAuthTag()]).toString("base64url")}`;
}

/** The plain text back, or null (another secret, purpose or binding, or a tampered value). */
export function open(sealed: string | null | undefined, purpose: string, boundTo: string, secret: string): string | null {
  if (!sealed?.startsWith(`${version}.`)) return null;
  const raw = Buffer.from(sealed.slice(version.length + 1), "base64url");
  if (raw.length < 12 + 16 + 1) return null;
  try {
    const decipher = crypto.createDecipheriv("aes-256-gcm", key(secret, purpose), raw.subarray(0, 12));
    decipher.setAAD(Buffer.from(boundTo, "utf8"));
    decipher.setAuthTag(raw.subarray(raw.length - 16));
    return Buffer.concat([decipher.update(raw.subarray(12, raw.length - 16)), decipher.final()]).toString("utf8");
  } catch {
    return null;
  }
}
