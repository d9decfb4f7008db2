// "Your activities": the patient's Patient-Specific Functional Scale scores, a plain form post from
// the patient page (no JavaScript), taken only while the clinician's request is open. Saved (or
// already saved): a 303 back to the page (post/redirect/get). Refused: the page itself with the
// status (400 bad scores, 409 nothing asked or the plan ended) and what was chosen still chosen.
// A route handler for the reasons lib/sharing/patient-form.ts gives.
import { idSchema } from "@/lib/ids";
import { activityNameMaxLength, psfsPositions } from "@/lib/outcomes/psfs-form";
import { recordPatientPsfs } from "@/lib/outcomes/psfs";
import { backToPage, patientFormPost, postedValues, type FormValues } from "@/lib/sharing/patient-form";
import { resolveShareToken, type ResolvedShareLink } from "@/lib/sharing/links";
import type { PsfsFormState } from "../_page/psfs-section";
import { linkNotActiveResponse, planEndedResponse, planPageResponse } from "../_page/responses";

export const dynamic = "force-dynamic";

const clientKeySchema = idSchema();

/** What was chosen and typed, to put back when the post is refused: only the form's own fields, each cut to size. */
function typed(values: FormValues): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const position of psfsPositions) {
    for (const [field, max] of [
      [`name${position}`, activityNameMaxLength],
      [`score${position}`, 2],
    ] as const) {
      const value = values[field];
      if (typeof value === "string") kept[field] = value.slice(0, max);
    }
  }
  return kept;
}

async function refused(link: ResolvedShareLink, token: string, status: number, activities: Omit<PsfsFormState, "request">): Promise<Response> {
  return planPageResponse(link, token, { outcome: null }, { status, activities });
}

export const POST = patientFormPost("Your scores", async (request, token) => {
  const link = await resolveShareToken(token);
  if (!link) return linkNotActiveResponse();
  if (link.ended) return planEndedResponse(link, { refused: "scores" });
  const values = await postedValues(request);
  if (!values) return refused(link, token, 400, { outcome: "invalid" });
  const clientKey = clientKeySchema.safeParse(values.clientKey);
  if (!clientKey.success) return refused(link, token, 400, { outcome: "invalid", values: typed(values) });
  const result = await recordPatientPsfs(link, { clientKey: clientKey.data, values });
  switch (result.status) {
    case "saved":
    case "duplicate":
      return backToPage(token, "activities", result.status);
    case "ended":
      return planEndedResponse(link, { refused: "scores" });
    case "not-requested":
      return refused(link, token, 409, { outcome: "not-requested" });
    case "invalid":
      return refused(link, token, 400, { outcome: "invalid", fieldErrors: result.fieldErrors, values: typed(values) });
  }
});
