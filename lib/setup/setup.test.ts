// First-run set-up on an empty database of its own (the shared test database already has clinics).
import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inject } from "vitest";
import { createClient } from "@/db/client";
import { clinics, setupCodes, users } from "@/db/schema";
import { migrateDatabase } from "@/db/migrate";
import { createScratchDatabase } from "@/db/testing/scratch-database";
import { verifyPassword } from "@/lib/auth/password";
import { hashSetupCode, newSetupCode } from "./code";
import { completeSetup, forgetSetUpForTests, issueSetupCode, needsSetup, SetupDoneError } from "./setup";

// PGlite in memory serves one database: this test needs a second, empty one on a real server.
const realServer = !inject("embeddedDatabase");

describe.runIf(realServer)("first-run set-up", () => {
  let scratch: Awaited<ReturnType<typeof createScratchDatabase>>;
  let client: ReturnType<typeof createClient>;
  beforeAll(async () => {
    scratch = await createScratchDatabase(process.env.DATABASE_URL!, "physioplan_setup");
    await migrateDatabase(scratch.url);
    client = createClient(scratch.url, { max: 2 });
    forgetSetUpForTests();
  }, 60_000);
  afterAll(async () => {
    await client?.sql.end({ timeout: 5 });
    await scratch?.drop();
    forgetSetUpForTests();
  });

  it("makes codes of 75 bits that hash alike however they are typed", () => {
    const code = newSetupCode();
    expect(code).toMatch(/^[A-HJ-NP-Z2-9]{5}-[A-HJ-NP-Z2-9]{5}-[A-HJ-NP-Z2-9]{5}$/);
    expect(hashSetupCode(code.toLowerCase().replaceAll("-", " "))).toBe(hashSetupCode(code));
    expect(new Set(Array.from({ length: 50 }, newSetupCode)).size).toBe(50);
  });

  it("refuses a wrong code and a weak password, creates the clinic and admin once with the printed code, then is gone", async () => {
    const { db } = client;
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
