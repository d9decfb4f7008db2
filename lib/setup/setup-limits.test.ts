// Guessing the first-run set-up code: at most 10 wrong codes per address and 100 from everywhere in
// 15 minutes, counted atomically, on an empty database of its own (the shared test database has clinics).
import { and, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createClient } from "@/db/client";
import { clinics, rateLimitEvents } from "@/db/schema";
import { migrateDatabase } from "@/db/migrate";
import { createScratchDatabase } from "@/db/testing/scratch-database";
import { AppError } from "@/lib/errors";
import { completeSetup, forgetSetUpForTests, issueSetupCode, setupAddressLimit, setupCeiling } from "./setup";

const realServer = !inject("embeddedDatabase");
const window = 15 * 60 * 1000;

describe.runIf(realServer)("guesses at the set-up code", () => {
  let scratch: Awaited<ReturnType<typeof createScratchDatabase>>;
  let client: ReturnType<typeof createClient>;
  beforeAll(async () => {
    scratch = await createScratchDatabase(process.env.DATABASE_URL!, "physioplan_setup_limits");
    await migrateDatabase(scratch.url);
    client = createClient(scratch.url, { max: 8 });
    forgetSetUpForTests();
  }, 60_000);
  afterAll(async () => {
    await client?.sql.end({ timeout: 5 });
    await scratch?.drop();
    forgetSetUpForTests();
  });

  const input = { clinicName: "Harbour Physio", name: "Hana Harbour", email: "hana@harbour.example", password: "seagulls over the quay at noon" };

  /** What each attempt was answered: "made", or the error's code (forbidden: wrong code; rate-limited). */
  async function attempt(fields: { code: string; ip: string; now: number }): Promise<string> {
    try {
      await completeSetup({ ...input, ...fields }, client.db);
      return "made";
    } catch (error) {
      if (error instanceof AppError) return error.code;
      throw error;
    }
  }
  const eventsOf = async (bucket: string, key: string) =>
    (await client.db.select({ n: count() }).from(rateLimitEvents).where(and(eq(rateLimitEvents.bucket, bucket), eq(rateLimitEvents.key, key))))[0].n;
  const tally = (answers: string[]) => answers.reduce<Record<string, number>>((all, answer) => ({ ...all, [answer]: (all[answer] ?? 0) + 1 }), {});

  // Each test has its own 15-minute window: an hour apart, so no test sees another's guesses.
  const start = Date.now();

  it("takes at most 100 wrong codes from everywhere together, then refuses every address, the right code too, for the window", async () => {
    const code = (await issueSetupCode(client.db))!;
    const now = start;
    // 110 addresses, one guess each, all at once: none is over its own limit, together they pass the ceiling.
    const answers = await Promise.all(Array.from({ length: 110 }, (_, i) => attempt({ code: "WRONG-WRONG-WRONG", ip: `198.51.100.${i}`, now })));
    expect(tally(answers)).toEqual({ forbidden: 100, "rate-limited": 10 });
    expect(await eventsOf(setupCeiling.bucket, "all")).toBe(100);
    expect(await attempt({ code, ip: "192.0.2.1", now: now + 60_000 })).toBe("rate-limited");
    expect((await client.db.select({ n: count() }).from(clinics))[0].n).toBe(0);
  }, 60_000);

  it("takes at most 10 wrong codes from one address however many arrive at once; the right code waits for the window", async () => {
    const code = (await issueSetupCode(client.db))!;
    const now = start + 60 * 60 * 1000;
    const ip = "203.0.113.9";
    const answers = await Promise.all(Array.from({ length: 40 }, () => attempt({ code: "WRONG-WRONG-WRONG", ip, now })));
    expect(tally(answers)).toEqual({ forbidden: 10, "rate-limited": 30 });
    expect(await eventsOf(setupAddressLimit.bucket, ip)).toBe(10);

    // Refused with the wait and the words at the code's field, before the code is compared: even the right one.
    const refusal = await completeSetup({ ...input, code, ip, now: now + 5 * 60_000 }, client.db).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(AppError);
    expect(refusal).toMatchObject({ code: "rate-limited", status: 429, retryAfterSeconds: 10 * 60, fieldErrors: { code: [expect.stringMatching(/^Too many wrong set-up codes were tried\. Wait 10 minutes/)] } });
    expect(await eventsOf(setupAddressLimit.bucket, ip)).toBe(10);
    expect((await client.db.select({ n: count() }).from(clinics))[0].n).toBe(0);
    // Another address is not held up by this one.
    expect(await attempt({ code: "WRONG-WRONG-WRONG", ip: "203.0.113.10", now })).toBe("forbidden");

    // Once the window has passed, the right code makes the clinic, and its try is given back.
    expect(await attempt({ code, ip, now: now + window + 1000 })).toBe("made");
    expect((await client.db.select({ n: count() }).from(clinics))[0].n).toBe(1);
    expect(await eventsOf(setupAddressLimit.bucket, ip)).toBe(10);
  }, 60_000);
});
