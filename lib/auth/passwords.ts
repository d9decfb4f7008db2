// What a new password must be (NIST SP 800-63B): at least 12 characters, at most 200, and not one
// of the 10,000 most common passwords (lib/auth/data/common-passwords.txt), nor the account's own
// email or name. No composition rules: length is what makes a password strong.
import fs from "node:fs";
import path from "node:path";

export const minPasswordLength = 12;
export const maxPasswordLength = 200;

let common: Set<string> | undefined;

function commonPasswords(): Set<string> {
  if (!common) {
    const file = path.join(process.cwd(), "lib/auth/data/common-passwords.txt");
    common = new Set(
      fs
        .readFileSync(file, "utf8")
        .split("\n")
        .map((line) => line.trim().toLowerCase())
        .filter(Boolean),
    );
  }
  return common;
}

export function isCommonPassword(password: string): boolean {
  return commonPasswords().has(password.trim().toLowerCase());
}

/** Why a new password is refused, in words for the field; null when it is acceptable. */
export function newPasswordProblem(password: string, account: { email?: string; name?: string } = {}): string | null {
  if (password.length < minPasswordLength) return `Use at least ${minPasswordLength} characters. A few unrelated words make a strong, memorable password.`;
  if (password.length > maxPasswordLength) return `Use at most ${maxPasswordLength} characters.`;
  const lower = password.trim().toLowerCase();
  if (isCommonPassword(password)) return "This is one of the most common passwords. Choose another.";
  if ((account.email && lower === account.email.trim().toLowerCase()) || (account.name && lower === account.name.trim().toLowerCase())) {
    return "Do not use your email or name as your password.";
  }
  if (new Set(lower).size < 4) return "This password repeats too few characters. Choose another.";
  return null;
}
