"use server";
// Acknowledging an alert on the dashboard: authenticated through action(), validated, and
// lib/adherence/acknowledge.ts checks the plan is the actor's clinic's.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { acknowledgeAlert } from "@/lib/adherence/acknowledge";
import { alertKinds } from "@/lib/adherence/alerts";
import { action } from "@/lib/auth/action";
import { idSchema } from "@/lib/ids";

export const acknowledgeAlertAction = action(z.object({ planId: idSchema(), kind: z.enum(alertKinds) }), async ({ planId, kind }, actor) => {
  const acknowledged = await acknowledgeAlert(actor, { planId, kind });
  if (!acknowledged) return { ok: false, message: "This plan could not be found. Reload the page." };
  revalidatePath("/dashboard");
  revalidatePath(`/plans/${planId}`);
  return { ok: true, message: "Acknowledged: this alert stays quiet until the patient logs again." };
});
