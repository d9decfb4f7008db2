import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { users } from "@/db/schema";
import { createTestClinic } from "@/lib/testing/fixtures";
import { demoAccount, ensureDemoAccount } from "./accounts";
import { hashPassword } from "./password";
import { publishedPasswordInUse } from "./published-password";

describe("the published demo password", () => {
  it("is flagged by the seed, re-flagged while it still opens the account, and not once it was changed", async () => {
    await ensureDemoAccount(db);
    const flag = async () => (await db.select({ flag: users.mustChangePassword }).from(users).where(eq(users.email, demoAccount.email)))[0].flag;
    expect(await flag()).toBe(true);
    // A demo seeded before the flag existed: the next start flags it while the password is the published one.
    await db.update(users).set({ mustChangePassword: false }).where(eq(users.email, demoAccount.email));
    await ensureDemoAccount(db);
    expect(await flag()).toBe(true);
    // Once the password is changed (and the flag cleared), a restart leaves it cleared.
    const [demo] = await db.select({ hash: users.passwordHash }).from(users).where(eq(users.email, demoAccount.email));
    await db.update(users).set({ mustChangePassword: false, passwordHash: await hashPassword("a private passphrase") }).where(eq(users.email, demoAccount.email));
    await ensureDemoAccount(db);
    expect(await flag()).toBe(false);
    await db.update(users).set({ mustChangePassword: true, passwordHash: demo.hash }).where(eq(users.email, demoAccount.email));
  });

  it("shows for the clinic of an active admin who has it, and for no other clinic", async () => {
    const flagged = await createTestClinic();
    const other = await createTestClinic();
    expect(await publishedPasswordInUse(flagged.actor)).toBe(false);
    await db.update(users).set({ mustChangePassword: true }).where(eq(users.id, flagged.user.id));
    expect(await publishedPasswordInUse(flagged.actor)).toBe(true);
    expect(await publishedPasswordInUse(other.actor)).toBe(false);
    await db.update(users).set({ active: false }).where(eq(users.id, flagged.user.id));
    expect(await publishedPasswordInUse(flagged.actor)).toBe(false);
  });
});
