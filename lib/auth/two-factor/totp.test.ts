import { describe, expect, it } from "vitest";
import { oathtoolTotp } from "@/lib/testing/oathtool";
import { base32Decode, base32Encode, hotp, matchingStep, newSecret, normaliseCode, otpauthUri, stepAt, totp } from "./totp";

// RFC 6238 appendix B: the SHA-1 seed "12345678901234567890", 8 digits.
const rfcSeed = Buffer.from("12345678901234567890", "ascii");
const rfcVectors: [number, string][] = [
  [59, "94287082"],
  [1111111109, "07081804"],
  [1111111111, "14050471"],
  [1234567890, "89005924"],
  [2000000000, "69279037"],
  [20000000000, "65353130"],
];

describe("TOTP (RFC 6238)", () => {
  it("gives the RFC's SHA-1 test vectors", () => {
    for (const [seconds, code] of rfcVectors) expect(hotp(rfcSeed, stepAt(seconds * 1000), 8)).toBe(code);
  });

  it("gives RFC 4226's HOTP values", () => {
    const expected = ["755224", "287082", "359152", "969429", "338314", "254676", "287922", "162583", "399871", "520489"];
    expected.forEach((code, counter) => expect(hotp(rfcSeed, counter)).toBe(code));
  });

  it("base32 round-trips and matches RFC 4648", () => {
    expect(base32Encode(Buffer.from("foobar"))).toBe("MZXW6YTBOI");
    expect(base32Decode("mzxw 6ytb-oi======")!.toString()).toBe("foobar");
    expect(base32Decode("not base32!")).toBeNull();
    const secret = newSecret();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(base32Encode(base32Decode(secret)!)).toBe(secret);
  });

  it("agrees with oathtool for random keys at many moments", () => {
    for (let i = 0; i < 8; i++) {
      const secret = newSecret();
      const at = Date.UTC(2026, 0, 1) + i * 7_777_777_123;
      expect(totp(secret, at)).toBe(oathtoolTotp(secret, at));
    }
    expect(hotp(rfcSeed, stepAt(1234567890 * 1000), 8)).toBe(oathtoolTotp(base32Encode(rfcSeed), 1234567890 * 1000, { digits: 8 }));
  });

  it("accepts one step of drift either side, and no more", () => {
    const secret = newSecret();
    const now = Date.UTC(2026, 11, 5, 10, 0, 15);
    const step = stepAt(now);
    expect(matchingStep(secret, oathtoolTotp(secret, now), now)).toBe(step);
    expect(matchingStep(secret, oathtoolTotp(secret, now - 30_000), now)).toBe(step - 1);
    expect(matchingStep(secret, oathtoolTotp(secret, now + 30_000), now)).toBe(step + 1);
    const twoBefore = oathtoolTotp(secret, now - 60_000);
    const twoAfter = oathtoolTotp(secret, now + 60_000);
    const near = [-1, 0, 1].map((d) => oathtoolTotp(secret, now + d * 30_000));
    if (!near.includes(twoBefore)) expect(matchingStep(secret, twoBefore, now)).toBeNull();
    if (!near.includes(twoAfter)) expect(matchingStep(secret, twoAfter, now)).toBeNull();
  });

  it("reads typed codes leniently and refuses what is not six digits", () => {
    expect(normaliseCode(" 123 456 ")).toBe("123456");
    expect(normaliseCode("123-456")).toBe("123456");
    expect(normaliseCode("12345")).toBeNull();
    expect(normaliseCode("abcdef")).toBeNull();
    const secret = newSecret();
    const code = oathtoolTotp(secret);
    expect(matchingStep(secret, `${code.slice(0, 3)} ${code.slice(3)}`)).not.toBeNull();
    expect(matchingStep(secret, "12345")).toBeNull();
  });

  it("names the issuer, account, algorithm, digits and period in the otpauth URI", () => {
    const uri = otpauthUri({ secret: "JBSWY3DPEHPK3PXP", account: "ana@example.test", issuer: "Physioplan" });
    expect(uri).toBe("otpauth://totp/Physioplan%3Aana%40example.test?secret=JBSWY3DPEHPK3PXP&issuer=Physioplan&algorithm=SHA1&digits=6&period=30");
  });
});
