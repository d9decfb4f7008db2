import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { openBody, sealBody } from "@/lib/email/seal";
import { generateToken, hashToken, openToken, sealToken } from "@/lib/sharing/token";
import { open, seal } from "./seal";

const secret = "a-server-secret-of-thirty-two-characters";

/** Sealed as the outbox and the share links sealed before they shared lib/crypto/seal.ts. */
function sealedByHand(plain: string, info: string, boundTo: string): string {
  const key = Buffer.from(crypto.hkdfSync("sha256", secret, "physioplan", info, 32));
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv("aes-256-gcm", key, iv);
  cipher.setAAD(Buffer.from(boundTo, "utf8"));
  const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return `v1.${Buffer.concat([iv, body, cipher.getAuthTag()]).toString("base64url")}`;
}

describe("sealing", () => {
  it("opens what it sealed, for the same purpose, binding and secret only", () => {
    const sealed = seal("a totp key", "totp", "user-1", secret);
    expect(open(sealed, "totp", "user-1", secret)).toBe("a totp key");
    expect(open(sealed, "pending", "user-1", secret)).toBeNull();
    expect(open(sealed, "totp", "user-2", secret)).toBeNull();
    expect(open(sealed, "totp", "user-1", `${secret}!`)).toBeNull();
    expect(open("v2.abc", "totp", "user-1", secret)).toBeNull();
  });

  it("still opens the outbox bodies and link tokens stored before the helpers were one", () => {
    const body = { text: "Reset your password", html: "<p>Reset your password</p>" };
    expect(openBody(sealedByHand(JSON.stringify(body), "outbound email v1", "email-1"), "email-1", secret)).toEqual(body);
    expect(openBody(sealBody(body, "email-1", secret), "email-1", secret)).toEqual(body);
    expect(openBody(sealBody(body, "email-1", secret), "email-2", secret)).toBeNull();
    expect(openBody(seal("[1]", "outbound email", "email-1", secret), "email-1", secret)).toBeNull();
    expect(openBody(seal("not json", "outbound email", "email-1", secret), "email-1", secret)).toBeNull();

    const token = generateToken();
    expect(openToken(sealedByHand(token, "share-link token v1", "link-1"), "link-1", hashToken(token), secret)).toBe(token);
    expect(openToken(sealToken(token, "link-1", secret), "link-1", hashToken(token), secret)).toBe(token);
    expect(openToken(sealedByHand(token, "outbound email v1", "link-1"), "link-1", hashToken(token), secret)).toBeNull();
  });
});
