// Codes from an independent TOTP implementation (Debian's oathtool), for tests of ours.
import { execFileSync } from "node:child_process";

/** The 6-digit TOTP code for a base32 key at a moment (milliseconds since the epoch; default now). */
export function oathtoolTotp(secretBase32: string, atMs?: number, options: { digits?: number } = {}): string {
  const args = ["--totp", "-b", secretBase32, "-d", String(options.digits ?? 6)];
  if (atMs !== undefined) args.push("-N", `@${Math.floor(atMs / 1000)}`);
  return execFileSync("oathtool", args, { encoding: "utf8" }).trim();
}
