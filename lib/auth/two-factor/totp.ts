// TOTP (RFC 6238 over RFC 4226 HOTP): HMAC-SHA-1, 30-second steps, 6 digits. Only node:crypto.
// Pure functions: which time step a code matches is decided here; that a step is never accepted
// twice is the database's job (lib/auth/two-factor/two-factor.ts keeps the last accepted step).
import crypto from "node:crypto";

export const stepSeconds = 30;
export const digits = 6;
/** Steps either side of now that are still accepted (clock drift, a code typed near a step's end). */
export const driftSteps = 1;

const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

/** RFC 4648 base32 without padding: how authenticator apps take a key. */
export function base32Encode(bytes: Uint8Array): string {
  let bits = 0;
  let value = 0;
  let out = "";
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += alphabet[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += alphabet[(value << (5 - bits)) & 31];
  return out;
}

/** The bytes of a base32 key; spaces, hyphens, padding and case are ignored. Null when not base32. */
export function base32Decode(text: string): Buffer | null {
  const clean = text.toUpperCase().replace(/[\s=-]/g, "");
  if (!clean) return null;
  let bits = 0;
  let value = 0;
  const out: number[] = [];
  for (const char of clean) {
    const index = alphabet.indexOf(char);
    if (index < 0) return null;
    value = ((value << 5) | index) & 0xffff;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Buffer.from(out);
}

/** A new 160-bit key (the HMAC-SHA-1 block-friendly length RFC 4226 recommends), base32. */
export function newSecret(): string {
  return base32Encode(crypto.randomBytes(20));
}

/** HOTP (RFC 4226) for one counter value. */
export function hotp(key: Uint8Array, counter: number, length = digits, algorithm: "sha1" | "sha256" | "sha512" = "sha1"): string {
  const message = Buffer.alloc(8);
  message.writeBigUInt64BE(BigInt(counter));
  const mac = crypto.createHmac(algorithm, key).update(message).digest();
  const offset = mac[mac.length - 1] & 0x0f;
  const binary = ((mac[offset] & 0x7f) << 24) | (mac[offset + 1] << 16) | (mac[offset + 2] << 8) | mac[offset + 3];
  return String(binary % 10 ** length).padStart(length, "0");
}

/** The time step of a moment (milliseconds since the epoch). */
export function stepAt(nowMs: number): number {
  return Math.floor(nowMs / 1000 / stepSeconds);
}

/** The code for a moment. */
export function totp(secretBase32: string, nowMs: number = Date.now()): string {
  const key = base32Decode(secretBase32);
  if (!key) throw new Error("The key is not base32.");
  return hotp(key, stepAt(nowMs));
}

/** A typed code as six digits (spaces and hyphens dropped), or null. */
export function normaliseCode(input: string): string | null {
  const code = input.replace(/[\s-]/g, "");
  return /^\d{6}$/.test(code) ? code : null;
}

/**
 * The time step whose code this is, among now and one step either side, or null. Every candidate
 * is compared in constant time, so the answer's timing says nothing about which step matched.
 */
export function matchingStep(secretBase32: string, code: string, nowMs: number = Date.now()): number | null {
  const key = base32Decode(secretBase32);
  const typed = normaliseCode(code);
  if (!key || !typed) return null;
  const now = stepAt(nowMs);
  let found: number | null = null;
  for (let step = now - driftSteps; step <= now + driftSteps; step++) {
    const expected = Buffer.from(hotp(key, step));
    if (crypto.timingSafeEqual(expected, Buffer.from(typed)) && found === null) found = step;
  }
  return found;
}

/** The otpauth:// URI an authenticator app reads from the QR code. */
export function otpauthUri(input: { secret: string; account: string; issuer: string }): string {
  const label = encodeURIComponent(`${input.issuer}:${input.account}`);
  const params = new URLSearchParams({ secret: input.secret, issuer: input.issuer, algorithm: "SHA1", digits: String(digits), period: String(stepSeconds) });
  return `otpauth://totp/${label}?${params.toString()}`;
}

/** The key in groups of four, as people type it. */
export function groupedSecret(secret: string): string {
  return secret.replace(/(.{4})/g, "$1 ").trim();
}
