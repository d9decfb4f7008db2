// Test fixtures: each test makes its own clinic, so tests never see each other's rows.
import crypto from "node:crypto";
import { db } from "@/db/client";
import { clinics, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { hashPassword } from "@/lib/auth/password";

let cachedHash: Promise<string> | undefined;

export async function createTestClinic(options: { name?: string; password?: string; timeZone?: string } = {}) {
  const suffix = crypto.randomBytes(4).toString("hex");
  const [clinic] = await db.insert(clinics).values({ name: options.name ?? `Test clinic ${suffix}`, phone: "01234 567890", timeZone: options.timeZone }).returning();
  const passwordHash = options.password ? await hashPassword(options.password) : await (cachedHash ??= hashPassword("correct horse battery"));
  const [user] = await db
    .insert(users)
    .values({ clinicId: clinic.id, email: `clinician-${suffix}@example.test`, name: `Alex Test ${suffix}`, role: "admin", passwordHash })
    .returning();
  const actor: Actor = { userId: user.id, clinicId: clinic.id, role: user.role, name: user.name, email: user.email, clinicName: clinic.name, timeZone: clinic.timeZone };
  return { clinic, user, actor };
}
