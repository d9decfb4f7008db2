"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { action } from "@/lib/auth/action";
import { archiveTemplate } from "@/lib/plans/templates";

export const archiveTemplateAction = action(z.object({ templateId: z.string() }), async (input, actor) => {
  const template = await archiveTemplate(actor, input);
  if (!template) return { ok: false, message: "Only your clinic's own templates can be archived." };
  revalidatePath("/templates");
  return { ok: true, message: `“${template.name}” archived.` };
});
