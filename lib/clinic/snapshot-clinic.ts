// The clinic as an issued version records it, and what would differ if the plan were issued again.
import type { Clinic } from "@/db/schema";
import { UserError } from "@/lib/errors";
import {
  issuedPaper,
  issuedSafetyWording,
  issuedTimeZone,
  snapshotClinicSchema,
  type SnapshotClinic,
} from "@/lib/plans/snapshot";
import { countryNames, safetyWordingFor } from "./safety-presets";

/** The clinic's current settings in the shape a snapshot freezes. */
export function snapshotClinicOf(clinic: Clinic): SnapshotClinic {
  const safetyWording = safetyWordingFor(clinic.country, {
    emergencyNumber: clinic.safetyEmergencyNumber,
    urgentAdvice: clinic.safetyUrgentAdvice,
    familyDoctor: clinic.safetyFamilyDoctor,
  });
  if (!safetyWording) {
    throw new UserError("This clinic's safety wording is incomplete. An admin must set the emergency number, urgent advice and family doctor in Settings before plans can be issued.");
  }
  const base = {
    name: clinic.name,
    phone: clinic.phone,
    email: clinic.email,
    address: clinic.address,
    website: clinic.website,
    accentColour: /^#[0-9a-fA-F]{6}$/.test(clinic.accentColour) ? clinic.accentColour : "#0f766e",
    logo: clinic.logoMimeType && clinic.logoBase64 ? { mimeType: clinic.logoMimeType, base64: clinic.logoBase64 } : null,
    country: clinic.country,
    safetyWording,
    timeZone: clinic.timeZone,
    paperSize: clinic.paperSize,
  };
  const parsed = snapshotClinicSchema.safeParse(base);
  // A logo that does not validate is left off the handout rather than blocking the issue.
  return parsed.success ? parsed.data : snapshotClinicSchema.parse({ ...base, logo: null });
}

const paperNames = { A4: "A4", LETTER: "US Letter" } as const;

/**
 * What a patient would see differently if the plan were issued again with the clinic as it is now,
 * in words for the plan page ("safety wording: 911, urgent care, primary care provider"). Empty
 * when nothing the patient sees would change.
 */
export function clinicChanges(issued: SnapshotClinic, current: SnapshotClinic): string[] {
  const changes: string[] = [];
  const then = issuedSafetyWording(issued);
  const now = issuedSafetyWording(current);
  if (JSON.stringify(then) !== JSON.stringify(now)) {
    const country = current.country ? `${countryNames[current.country].replace(/ \(.*\)$/, "")}: ` : "";
    changes.push(`Safety wording (${country}emergency ${now.emergencyNumber}, urgent advice ${now.urgentAdvice}, ${now.familyDoctor})`);
  }
  if (issued.name !== current.name) changes.push(`Clinic name (${current.name})`);
  if (["phone", "email", "address", "website"].some((key) => issued[key as "phone"] !== current[key as "phone"])) {
    changes.push("Contact details");
  }
  if ((issued.logo?.base64 ?? null) !== (current.logo?.base64 ?? null)) changes.push(current.logo ? "Logo" : "Logo removed");
  if (issued.accentColour.toLowerCase() !== current.accentColour.toLowerCase()) changes.push("Brand colour");
  if (issuedPaper(issued) !== issuedPaper(current)) changes.push(`Default paper (${paperNames[issuedPaper(current)]})`);
  if (issuedTimeZone(issued) !== issuedTimeZone(current)) changes.push(`Time zone (${issuedTimeZone(current)})`);
  return changes;
}
