// First-run set-up, and the limits on guessing its code, each on an empty database of its own (the
// shared test database already has clinics).
import { and, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inject } from "vitest";
import { createClient } from "@/db/client";
import { clinics, rateLimitEvents, setupCodes, users } from "@/db/schema";
import { migrateDatabase } from "@/db/migrate";
import { createScratchDatabase } from "@/db/testing/scratch-database";
import { verifyPassword } from "@/lib/auth/password";
import { AppError } from "@/lib/errors";
import { hashSetupCode, newSetupCode } from "./code";
import { completeSetup, forgetSetUpForTests, issueSetupCode, needsSetup, SetupDoneError, setupAddressLimit, setupCeiling } from "./setup";

// PGlite in memory serves one database: this test needs a second, empty one on a real server.
const realServer = !inject("embeddedDatabase");

/** An empty, migrated database of the describe block's own, with no clinic seen yet. */
function emptyDatabase(prefix: string, connections: number): () => ReturnType<typeof createClient>["db"] {
  let scratch: Awaited<ReturnType<typeof createScratchDatabase>>;
  let client: ReturnType<typeof createClient>;
  beforeAll(async () => {
    scratch = await createScratchDatabase(process.env.DATABASE_URL!, prefix);
    await migrateDatabase(scratch.url);
    client = createClient(scratch.url, { max: connections });
    forgetSetUpForTests();
  }, 60_000);
  afterAll(async () => {
    await client?.sql.end({ timeout: 5 });
    await scratch?.drop();
    forgetSetUpForTests();
  });
  return () => client.db;
}

describe.runIf(realServer)("first-run set-up", () => {
  const database = emptyDatabase("physioplan_setup", 2);

  it("makes codes of 75 bits that hash alike however they are typed", () => {
    const code = newSetupCode();
    expect(code).toMatch(/^[A-HJ-NP-Z2-9]{5}-[A-HJ-NP-Z2-9]{5}-[A-HJ-NP-Z2-9]{5}$/);
    expect(hashSetupCode(code.toLowerCase().replaceAll("-", " "))).toBe(hashSetupCode(code));
    expect(new Set(Array.from({ length: 50 }, newSetupCode)).size).toBe(50);
  });

  it("refuses a wrong code and a weak password, creates the clinic and admin once with the printed code, then is gone", async () => {
    const db = database();
    expect(await needsSetup(db)).toBe(true);
    const code = (await issueSetupCode(db))!;
    const second = (await issueSetupCode(db))!; // another instance's start
    const [stored] = await db.select().from(setupCodes).limit(1);
    expect(stored.codeHash).toMatch(/^[0-9a-f]{64}$/);
    const rows = await db.select().from(setupCodes);
    expect(rows.map((r) => r.codeHash)).not.toContain(code);

    const input = { code: "WRONG-WRONG-WRONG", clinicName: "Harbour Physio", name: "Hana Harbour", email: "Hana@Harbour.example", password: "seagulls over the quay at noon", ip: "203.0.113.7" };
    await expect(completeSetup(input, db)).rejects.toMatchObject({ fieldErrors: { code: [expect.stringMatching(/not right/)] } });
    await expect(completeSetup({ ...input, code, password: "too short" }, db)).rejects.toMatchObject({ fieldErrors: { password: [expect.any(String)] } });
    expect((await db.select({ n: count() }).from(clinics))[0].n).toBe(0);

    // Either instance's code works.
    expect(await completeSetup({ ...input, code: second.toLowerCase() }, db)).toEqual({ email: "hana@harbour.example" });
    const [clinic] = await db.select().from(clinics);
    expect(clinic.name).toBe("Harbour Physio");
    const [admin] = await db.select().from(users).where(eq(users.clinicId, clinic.id));
    expect(admin).toMatchObject({ role: "admin", email: "hana@harbour.example", name: "Hana Harbour", active: true });
    expect(await verifyPassword(admin.passwordHash, input.password)).toBe(true);
    expect(await db.select().from(setupCodes)).toEqual([]);

    // Gone: the other code does nothing, and nothing is printed at the next start.
    await expect(completeSetup({ ...input, code, email: "second@harbour.example" }, db)).rejects.toBeInstanceOf(SetupDoneError);
    expect(await needsSetup(db)).toBe(false);
    expect(await issueSetupCode(db)).toBeNull();
    expect((await db.select({ n: count() }).from(clinics))[0].n).toBe(1);
  });
});

// Guessing the code: at most 10 wrong codes per address and 100 from everywhere in 15 minutes,
// counted atomically.
describe.runIf(realServer)("guesses at the set-up code", () => {
  const database = emptyDatabase("physioplan_setup_limits", 8);
  const window = 15 * 60 * 1000;

  const input = { clinicName: "Harbour Physio", name: "Hana Harbour", email: "hana@harbour.example", password: "seagulls over the quay at noon" };

  /** What each attempt was answered: "made", or the error's code (forbidden: wrong code; rate-limited). */
  async function attempt(fields: { code: string; ip: string; now: number }): Promise<string> {
    try {
      await completeSetup({ ...input, ...fields }, database());
      return "made";
    } catch (error) {
      if (error instanceof AppError) return error.code;
      throw error;
    }
  }
  const eventsOf = async (bucket: string, key: string) =>
    (await database().select({ n: count() }).from(rateLimitEvents).where(and(eq(rateLimitEvents.bucket, bucket), eq(rateLimitEvents.key, key))))[0].n;
  const tally = (answers: string[]) => answers.reduce<Record<string, number>>((all, answer) => ({ ...all, [answer]: (all[answer] ?? 0) + 1 }), {});

  // Each test has its own 15-minute window: an hour apart, so no test sees another's guesses.
  const start = Date.now();

  it("takes at most 100 wrong codes from everywhere together, then refuses every address, the right code too, for the window", async () => {
    const code = (await issueSetupCode(database()))!;
    const now = start;
    // 110 addresses, one guess each, all at once: none is over its own limit, together they pass the ceiling.
    const answers = await Promise.all(Array.from({ length: 110 }, (_, i) => attempt({ code: "WRONG-WRONG-WRONG", ip: `198.51.100.${i}`, now })));
    expect(tally(answers)).toEqual({ forbidden: 100, "rate-limited": 10 });
    expect(await eventsOf(setupCeiling.bucket, "all")).toBe(100);
    expect(await attempt({ code, ip: "192.0.2.1", now: now + 60_000 })).toBe("rate-limited");
    expect((await database().select({ n: count() }).from(clinics))[0].n).toBe(0);
  }, 60_000);

  it("takes at most 10 wrong codes from one address however many arrive at once; the right code waits for the window", async () => {
    const code = (await issueSetupCode(database()))!;
    const now = start + 60 * 60 * 1000;
    const ip = "203.0.113.9";
    const answers = await Promise.all(Array.from({ length: 40 }, () => attempt({ code: "WRONG-WRONG-WRONG", ip, now })));
    expect(tally(answers)).toEqual({ forbidden: 10, "rate-limited": 30 });
    expect(await eventsOf(setupAddressLimit.bucket, ip)).toBe(10);

    // Refused with the wait and the words at the code's field, before the code is compared: even the right one.
    const refusal = await completeSetup({ ...input, code, ip, now: now + 5 * 60_000 }, database()).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(AppError);
    expect(refusal).toMatchObject({ code: "rate-limited", status: 429, retryAfterSeconds: 10 * 60, fieldErrors: { code: [expect.stringMatching(/^Too many wrong set-up codes were tried\. Wait 10 minutes/)] } });
    expect(await eventsOf(setupAddressLimit.bucket, ip)).toBe(10);
    expect((await database().select({ n: count() }).from(clinics))[0].n).toBe(0);
    // Another address is not held up by this one.
    expect(await attempt({ code: "WRONG-WRONG-WRONG", ip: "203.0.113.10", now })).toBe("forbidden");

    // Once the window has passed, the right code makes the clinic, and its try is given back.
    expect(await attempt({ code, ip, now: now + window + 1000 })).toBe("made");
    expect((await database().select({ n: count() }).from(clinics))[0].n).toBe(1);
    expect(await eventsOf(setupAddressLimit.bucket, ip)).toBe(10);
  }, 60_000);
});
