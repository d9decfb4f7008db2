// The sign-in limits beyond the 10-per-email+address lockout (auth.test.ts), and equal timing.
import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { users } from "@/db/schema";
import { createTestClinic } from "@/lib/testing/fixtures";
import { authenticate, emailDelayMs, ipCeiling, verifyCredentials } from "./sign-in";

const second = 1000;
const address = () => `192.0.2.${crypto.randomInt(1, 254)}-${crypto.randomBytes(3).toString("hex")}`;

describe("per-email delay", () => {
  it("grows after 10 failures from anywhere, is capped at a minute, and ends a minute after the last failure", async () => {
    const { user } = await createTestClinic({ password: "victim-password-1" });
    let now = Date.now();
    // Ten failures, each from a different address: no address reaches its own lockout.
    for (let i = 0; i < 10; i++) expect(await authenticate({ email: user.email, password: `guess-${i}`, ip: address(), now })).toEqual({ ok: false, reason: "invalid" });
    // The 11th failure starts a delay of one second for every address, the right password included.
    expect(await authenticate({ email: user.email, password: "guess-10", ip: address(), now })).toEqual({ ok: false, reason: "invalid" });
    expect(await authenticate({ email: user.email, password: "victim-password-1", ip: address(), now: now + 500 })).toMatchObject({ ok: false, reason: "rate-limited" });
    // Refused attempts are not counted, so hammering during the delay does not grow it.
    for (let i = 0; i < 5; i++) await authenticate({ email: user.email, password: `hammer-${i}`, ip: address(), now: now + 600 });
    now += 1100;
    expect(await authenticate({ email: user.email, password: "guess-11", ip: address(), now })).toEqual({ ok: false, reason: "invalid" });
    // The 12th failure: two seconds.
    expect(await authenticate({ email: user.email, password: "guess-12", ip: address(), now: now + 1500 })).toMatchObject({ ok: false, reason: "rate-limited", retryAfterSeconds: 1 });
    expect(emailDelayMs(10)).toBe(0);
    expect(emailDelayMs(11)).toBe(1 * second);
    expect(emailDelayMs(12)).toBe(2 * second);
    expect(emailDelayMs(17)).toBe(60 * second);
    expect(emailDelayMs(500)).toBe(60 * second);
    // The user, from their own address, gets in once the delay since the last failure is over.
    expect(await authenticate({ email: user.email, password: "victim-password-1", ip: "198.51.100.77", now: now + 2100 })).toMatchObject({ ok: true });
  });
});

describe("per-address ceiling", () => {
  it("refuses an address after 50 failures across any emails, and not other addresses", async () => {
    const ip = address();
    const { user } = await createTestClinic({ password: "ceiling-password-1" });
    expect(ipCeiling.limit).toBe(50);
    for (let i = 0; i < 50; i++) {
      expect(await authenticate({ email: `nobody-${i}-${ip}@example.test`, password: "x", ip })).toEqual({ ok: false, reason: "invalid" });
    }
    expect(await authenticate({ email: user.email, password: "ceiling-password-1", ip })).toMatchObject({ ok: false, reason: "rate-limited" });
    expect(await authenticate({ email: user.email, password: "ceiling-password-1", ip: address() })).toMatchObject({ ok: true });
  }, 120_000);
});

describe("timing", () => {
  it("a wrong password for a known email takes as long as any password for an unknown one", async () => {
    const { user } = await createTestClinic({ password: "timing-password-1" });
    expect(await db.$count(users)).toBeGreaterThan(0);
    const time = async (email: string) => {
      const started = process.hrtime.bigint();
      expect(await verifyCredentials(email, "not-the-password")).toBeNull();
      return Number(process.hrtime.bigint() - started) / 1e6;
    };
    await time(user.email);
    await time("warm-up@example.test");
    const known: number[] = [];
    const unknown: number[] = [];
    // Interleaved, so load on the machine falls on both alike.
    for (let i = 0; i < 21; i++) {
      known.push(await time(user.email));
      unknown.push(await time(`unknown-${i}@example.test`));
    }
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
    const difference = Math.abs(median(known) - median(unknown));
    // Before the dummy hash the difference was a whole argon2id verification: the unknown email's
    // median was a small fraction of the known one's. The tolerance is wide because other work on
    // the machine slows both alike but noisily; it still fails when one side computes no hash.
    expect(difference, `known ${median(known).toFixed(1)} ms, unknown ${median(unknown).toFixed(1)} ms`).toBeLessThan(
      Math.max(5, median(known) * 0.4),
    );
  }, 60_000);
});
