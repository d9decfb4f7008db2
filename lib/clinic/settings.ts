// Reading and saving a clinic's settings: the admin's, scoped to the admin's own clinic.
import "server-only";
import { eq } from "drizzle-orm";
import { db } from "@/db/client";
import { clinics, type Clinic } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { isAdmin } from "@/lib/auth/admin";
import { recordAuditBy } from "@/lib/audit/record";
import type { ClinicSettingsInput } from "./schema";
import type { StoredLogo } from "./logo";

/** The actor's clinic; any signed-in member may read it (patient pages and the plan page need it). */
export async function getClinic(actor: Actor): Promise<Clinic | null> {
  const [clinic] = await db.select().from(clinics).where(eq(clinics.id, actor.clinicId));
  return clinic ?? null;
}

/** The settings, for the admin's settings page; null for anyone else (the page answers 404). */
export async function getClinicSettings(actor: Actor): Promise<Clinic | null> {
  if (!isAdmin(actor)) return null;
  return getClinic(actor);
}

const tracked = ["name", "address", "phone", "email", "website", "accentColour", "country", "timeZone", "paperSize", "safetyEmergencyNumber", "safetyUrgentAdvice", "safetyFamilyDoctor"] as const;

/**
 * Saves the settings of the admin's own clinic. `logo` is a prepared logo to store, or undefined to
 * keep the current one; `input.removeLogo` clears it. Null when the actor is not an admin: nothing
 * is written. The custom safety wording is kept only for "other", so a preset country always shows
 * its preset.
 */
export async function updateClinicSettings(actor: Actor, input: ClinicSettingsInput, logo?: StoredLogo): Promise<Clinic | null> {
  if (!isAdmin(actor)) return null;
  const custom = input.country === "other";
  const values = {
    name: input.name,
    address: input.address,
    phone: input.phone,
    email: input.email,
    website: input.website,
    accentColour: input.accentColour,
    country: input.country,
    timeZone: input.timeZone,
    paperSize: input.paperSize,
    safetyEmergencyNumber: custom ? input.safetyEmergencyNumber : null,
    safetyUrgentAdvice: custom ? input.safetyUrgentAdvice : null,
    safetyFamilyDoctor: custom ? input.safetyFamilyDoctor : null,
    ...(logo ? { logoMimeType: logo.mimeType, logoBase64: logo.base64 } : input.removeLogo ? { logoMimeType: null, logoBase64: null } : {}),
  };
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(clinics).where(eq(clinics.id, actor.clinicId)).for("update");
    if (!before) return null;
    const [after] = await tx.update(clinics).set(values).where(eq(clinics.id, actor.clinicId)).returning();
    const changed: string[] = tracked.filter((key) => before[key] !== after[key]);
    if (before.logoBase64 !== after.logoBase64) changed.push(after.logoBase64 ? "logo" : "logo removed");
    if (changed.length > 0) {
      await recordAuditBy(tx, actor, { action: "clinic.settings-changed", entityType: "clinic", entityId: actor.clinicId, detail: { changed, country: after.country } });
    }
    return after;
  });
}
