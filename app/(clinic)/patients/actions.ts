"use server";

import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { action } from "@/lib/auth/action";
import { isAdmin } from "@/lib/auth/admin";
import { erasePatient } from "@/lib/patients/erase-patient";
import { createPatient, setPatientArchived, updatePatient } from "@/lib/patients/patients";
import { patientInputSchema } from "@/lib/patients/schema";

export const createPatientAction = action(patientInputSchema, async (input, actor) => {
  const patient = await createPatient(actor, input);
  revalidatePath("/patients");
  redirect(`/patients/${patient.id}`);
});

export const updatePatientAction = action(patientInputSchema.extend({ patientId: z.string() }), async (input, actor) => {
  const patient = await updatePatient(actor, input);
  if (!patient) return { ok: false, message: "This patient no longer exists or is not in your clinic." };
  revalidatePath("/patients");
  redirect(`/patients/${patient.id}`);
});

export const archivePatientAction = action(z.object({ patientId: z.string(), archived: z.enum(["true", "false"]) }), async (input, actor) => {
  const archived = input.archived === "true";
  const patient = await setPatientArchived(actor, { patientId: input.patientId, archived });
  if (!patient) return { ok: false, message: "This patient no longer exists or is not in your clinic." };
  revalidatePath("/patients");
  revalidatePath(`/patients/${patient.id}`);
  return { ok: true, message: archived ? "Patient archived. They no longer appear in the patient list." : "Patient restored to the patient list." };
});

/** Admins only (lib/patients/erase-patient.ts checks the role too): to anyone else the patient is not found. */
export const erasePatientAction = action(z.object({ patientId: z.string(), confirmation: z.string().max(300) }), async (input, actor) => {
  const erased = isAdmin(actor) ? await erasePatient(actor, input) : null;
  if (!erased) return { ok: false, message: "This patient no longer exists or is not in your clinic." };
  revalidatePath("/patients");
  redirect("/patients?erased=1");
});
