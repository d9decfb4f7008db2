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
import { open, seal } from "@/lib/crypto/seal";

const tokenBytes = 32;
/** base64url of 32 bytes, no padding. */
const tokenPattern = /^[A-Za-z0-9_-]{43}$/;

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

const sealPurpose = "share-link token";

/** Sealed as lib/crypto/seal.ts seals; the link's id is bound in as associated data. */
export function sealToken(token: string, linkId: string, secret: string): string {
  return seal(token, sealPurpose, linkId, secret);
}

/**
 * The token back from its sealed form, or null when it cannot be read (another secret, a
 * tampered value) or does not match the stored hash.
 */
export function openToken(sealed: string | null, linkId: string, tokenHash: string, secret: string): string | null {
  const token = open(sealed, sealPurpose, linkId, secret);
  return token !== null && isWellFormedToken(token) && hashToken(token) === tokenHash ? token : null;
}
