"use server";
// The plan's outcome measures: record the PSFS (baseline or review) and ask the patient to score
// their activities on their link. Each authenticates through action(), validates, and
// lib/outcomes/psfs.ts checks the plan is the actor's clinic's.
import { revalidatePath } from "next/cache";
import { idSchema } from "@/lib/ids";
import { z } from "zod";
import { action, type FormState } from "@/lib/auth/action";
import { recordClinicianPsfs, setPsfsRequest } from "@/lib/outcomes/psfs";

const notFound: FormState = { ok: false, message: "This plan could not be found. Reload the page." };

/** The PSFS rows (`name0`…`score4`) are read by lib/outcomes/psfs-form.ts against the plan's activities. */
const recordSchema = z.looseObject({
  planId: idSchema(),
  recordedOn: z
    .union([z.literal(""), z.iso.date({ error: "Enter a date, e.g. 31/12/2026" })])
    .optional()
    .transform((value) => value || null),
});

export const recordPsfsAction = action(recordSchema, async ({ planId, recordedOn, ...rest }, actor) => {
  const values: Record<string, string | string[]> = {};
  for (const [key, value] of Object.entries(rest)) if (typeof value === "string" || Array.isArray(value)) values[key] = value as string | string[];
  const stored = await recordClinicianPsfs(actor, { planId, recordedOn, values });
  if (!stored) return notFound;
  revalidatePath(`/plans/${planId}`);
  return { ok: true, message: `PSFS saved: average ${stored.average.toFixed(1)} out of 10.` };
});

export const setPsfsRequestAction = action(
  z.object({ planId: idSchema(), ask: z.enum(["on", "off"], { error: "Choose to ask or to stop asking" }) }),
  async ({ planId, ask }, actor) => {
    const changed = await setPsfsRequest(actor, { planId, open: ask === "on" });
    if (changed === null) return notFound;
    revalidatePath(`/plans/${planId}`);
    if (ask === "on") return { ok: true, message: changed ? "Asked: the patient's link now shows the activity form." : "The patient is already asked." };
    return { ok: true, message: changed ? "Stopped asking: the form is gone from the patient's link." : "The patient was not being asked." };
  },
);
