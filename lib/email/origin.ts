// The origin written into emails: the one configured public URL (lib/sharing/url.ts), never a
// request header (a forged Host header must not be able to send someone a reset link to another site).
import { publicOrigin } from "@/lib/sharing/url";

export function appOrigin(): string {
  return publicOrigin();
}
