"use server";

import { revalidatePath } from "next/cache";
import { action, type FormState } from "@/lib/auth/action";
import { isAdmin } from "@/lib/auth/admin";
import { prepareLogo } from "@/lib/clinic/logo";
import { clinicSettingsSchema } from "@/lib/clinic/schema";
import { updateClinicSettings } from "@/lib/clinic/settings";

const notAllowed = "Only a clinic admin can change the clinic's settings.";

/** Saves the clinic profile; the logo file travels in the same form and is checked by lib/clinic/logo. */
export async function saveClinicSettingsAction(previous: FormState, formData: FormData): Promise<FormState> {
  const upload = formData.get("logo");
  return action(clinicSettingsSchema, async (input, actor) => {
    // Checked before the upload is read: a clinician's post reads and writes nothing.
    if (!isAdmin(actor)) return { ok: false, message: notAllowed };
    const logo = upload instanceof File && upload.size > 0 ? await prepareLogo(new Uint8Array(await upload.arrayBuffer())) : undefined;
    const clinic = await updateClinicSettings(actor, input, logo);
    if (!clinic) return { ok: false, message: notAllowed };
    revalidatePath("/", "layout");
    return { ok: true, message: "Settings saved. Plans issued from now on use them; issued versions keep what they were issued with." };
  })(previous, formData);
}
