// The first-run set-up code (lib/setup/setup.ts): made and hashed here, without the database.
import crypto from "node:crypto";

const alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

/** 15 characters from 32 (75 bits), shown as XXXXX-XXXXX-XXXXX. */
export function newSetupCode(): string {
  const bytes = crypto.randomBytes(15);
  const chars = Array.from(bytes, (b) => alphabet[b & 31]).join("");
  return `${chars.slice(0, 5)}-${chars.slice(5, 10)}-${chars.slice(10)}`;
}

/** SHA-256 of the code as typed, ignoring case, spaces and hyphens. */
export function hashSetupCode(code: string): string {
  const clean = code.toUpperCase().replace(/[\s-]/g, "");
  return crypto.createHash("sha256").update(`physioplan setup ${clean}`, "utf8").digest("hex");
}
