// The origin written into emails: the configured public URL, never a request header (a forged Host
// header must not be able to send someone a reset link to another site).
import { env } from "@/lib/env";

export function appOrigin(): string {
  const configured = env().PUBLIC_URL ?? env().NEXTAUTH_URL;
  if (configured) return new URL(configured).origin;
  return `http://localhost:${process.env.PORT ?? "3000"}`;
}
