// Share-link tokens: 32 random bytes, base64url (43 characters). A patient's request is looked up
// by the token's SHA-256 alone. Beside the hash we keep the token sealed with AES-256-GCM under a
// key derived from NEXTAUTH_SECRET, because two things need the token long after it was made:
// the clinician copying the link from the plan page at the next visit, and the clinician's PDF,
// whose QR code must open the patient's link. A hash-only design would show the link once and
// then force a "replace" (breaking the patient's printout) whenever the clinician lost it.
// Reading a token back needs both the database and the server secret; rotating the secret leaves
// every patient link working (the hash still matches) and only asks the clinician to replace the
// link before copying it again. The token is never written to a log.
import crypto from "node:crypto";

const tokenBytes = 32;
/** base64url of 32 bytes, no padding. */
const tokenPattern = /^[A-Za-z0-9_-]{43}$/;
const sealVersion = "v1";

export function generateToken(): string {
  return crypto.randomBytes(tokenBytes).toString("base64url");
}

/** True for strings that could be a token; anything else is rejected before touching the database. */
export function isWellFormedToken(value: string): boolean {
  return tokenPattern.test(value);
}

/** SHA-256 of the token, hex: what `share_links.token_hash` holds. */
export function hashToken(token: string): string {
  return crypto.createHash("sha256").update(token, "utf8").digest("hex");
}

const keys = new Map<string, Buffer>();
function sealingKey(secret: string): Buffer {
  let key = keys.get(secret);
  if (!key) {
    key = Buffer.from(crypto.hkdfSync("sha256", secret, "physioplan", "share-link token v1", 32));
    keys.set(secret, key);
  }
  return key;
}

/** `v1.<base64url(iv ‖ ciphertext ‖ tag)>`; the link's id is bound in as associated data. */
export function sealToken(token: string, linkId: string, secret: string): string {
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv("aes-256-gcm", sealingKey(secret), iv);
  cipher.setAAD(Buffer.from(linkId, "utf8"));
  const body = Buffer.concat([cipher.update(token, "utf8"), cipher.final()]);
  return `${sealVersion}.${Buffer.concat([iv, body, cipher.getAuthTag()]).toString("base64url")}`;
}

/**
 * The token back from its sealed form, or null when it cannot be read (another secret, a
 * tampered value) or does not match the stored hash.
 */
export function openToken(sealed: string | null, linkId: string, tokenHash: string, secret: string): string | null {
  if (!sealed?.startsWith(`${sealVersion}.`)) return null;
  const raw = Buffer.from(sealed.slice(sealVersion.length + 1), "base64url");
  if (raw.length < 12 + 16 + 1) return null;
  try {
    const decipher = crypto.createDecipheriv("aes-256-gcm", sealingKey(secret), raw.subarray(0, 12));
    decipher.setAAD(Buffer.from(linkId, "utf8"));
    decipher.setAuthTag(raw.subarray(raw.length - 16));
    const token = Buffer.concat([decipher.update(raw.subarray(12, raw.length - 16)), decipher.final()]).toString("utf8");
    return isWellFormedToken(token) && hashToken(token) === tokenHash ? token : null;
  } catch {
    return null;
  }
}
