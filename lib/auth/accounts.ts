import { eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { clinics, users } from "@/db/schema";
import { UserError } from "@/lib/errors";
import { hashPassword, verifyPassword } from "./password";
import { normaliseEmail } from "./email";

export const demoAccount = {
  clinicName: "Riverside Physiotherapy",
  email: "demo@physioplan.test",
  name: "Dr Sam Okafor",
  password: "physio-demo",
} as const;

/**
 * Creates an admin in the clinic of that name (creating the clinic when there is none).
 * Used by the seed and by `npm run user:create`, outside any request, so it takes the database.
 */
export async function createClinicAdmin(
  executor: Executor,
  input: { clinicName: string; email: string; name: string; password: string },
) {
  const email = normaliseEmail(input.email);
  if (input.password.length < 10) throw new UserError("The password must be at least 10 characters.");
  const passwordHash = await hashPassword(input.password);
  return executor.transaction(async (tx) => {
    const [existing] = await tx.select({ id: users.id }).from(users).where(eq(users.email, email));
    if (existing) throw new UserError(`A user with the email ${email} already exists.`);
    let [clinic] = await tx.select().from(clinics).where(eq(clinics.name, input.clinicName)).limit(1);
    clinic ??= (await tx.insert(clinics).values({ name: input.clinicName }).returning())[0];
    const [user] = await tx
      .insert(users)
      .values({ clinicId: clinic.id, email, name: input.name, role: "admin", passwordHash })
      .returning();
    return { clinic, user };
  });
}

/**
 * The demo clinic and its admin, once: a second run finds the user and adds nothing. The admin is
 * marked as using a published password (every clinic page says so until it is changed); a demo
 * seeded before that mark existed gets it here while its password is still the published one.
 */
export async function ensureDemoAccount(executor: Executor) {
  const [existing] = await executor
    .select({ id: users.id, passwordHash: users.passwordHash, mustChangePassword: users.mustChangePassword })
    .from(users)
    .where(eq(users.email, demoAccount.email));
  if (existing) {
    if (!existing.mustChangePassword && (await verifyPassword(existing.passwordHash, demoAccount.password))) {
      await executor.update(users).set({ mustChangePassword: true }).where(eq(users.id, existing.id));
    }
    return { created: false };
  }
  await executor.transaction(async (tx) => {
    const [clinic] = await tx
      .insert(clinics)
      .values({
        name: demoAccount.clinicName,
        phone: "020 7946 0321",
        email: "hello@riverside-physio.test",
        address: "14 Mill Lane, Riverside RV1 2AB",
        website: "riverside-physio.test",
      })
      .returning();
    await tx.insert(users).values({
      clinicId: clinic.id,
      email: demoAccount.email,
      name: demoAccount.name,
      role: "admin",
      passwordHash: await hashPassword(demoAccount.password),
      mustChangePassword: true,
    });
  });
  return { created: true };
}
