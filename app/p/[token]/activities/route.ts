// "Your activities": the patient's Patient-Specific Functional Scale scores, a plain form post from
// the patient page (no JavaScript), taken only while the clinician's request is open. Saved (or
// already saved): a 303 back to the page (post/redirect/get). Refused: the page itself with the
// status (400 bad scores, 409 nothing asked or the plan ended) and what was chosen still chosen.
// A route handler for the same reasons as the session log (../log/route.ts): the page posts with
// `Origin: null`, and the token is the only credential.
import type { NextRequest } from "next/server";
import { idSchema } from "@/lib/ids";
import { formValues } from "@/lib/auth/action";
import { readBodyWithin, sessionLogBodyLimit, tooLargeResponse, withBody } from "@/lib/http/body-limit";
import { isDatabaseUnavailable } from "@/lib/errors";
import { activityNameMaxLength, psfsPositions } from "@/lib/outcomes/psfs-form";
import { recordPatientPsfs } from "@/lib/outcomes/psfs";
import { plainResponse } from "@/lib/sharing/responses";
import { resolveShareToken, type ResolvedShareLink } from "@/lib/sharing/links";
import type { PsfsFormState, PsfsOutcome } from "../_page/psfs-section";
import { linkNotActiveResponse, planEndedResponse, planPageResponse } from "../_page/responses";

export const dynamic = "force-dynamic";

const clientKeySchema = idSchema();

/** What was chosen and typed, to put back when the post is refused: only the form's own fields, each cut to size. */
function typed(values: Record<string, string | string[]>): Record<string, string> {
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

function redirect(token: string, outcome: PsfsOutcome): Response {
  // A relative Location: the browser stays on whatever origin it is on.
  return new Response(null, { status: 303, headers: { Location: `/p/${token}?activities=${outcome}#activities`, "Cache-Control": "no-store" } });
}

export async function POST(request: NextRequest, context: { params: Promise<{ token: string }> }) {
  // The cap comes first: a large post is answered before its body (or the database) is touched.
  const body = await readBodyWithin(request, sessionLogBodyLimit);
  if (!body) return tooLargeResponse(sessionLogBodyLimit);
  try {
    return await scoresFromForm(withBody(request, body), context);
  } catch (error) {
    if (!isDatabaseUnavailable(error)) throw error;
    const response = plainResponse(503, "Your scores could not be saved just now: our server is busy. Nothing was saved. Please go back and try again in a minute.");
    response.headers.set("Retry-After", "5");
    return response;
  }
}

async function scoresFromForm(request: Request, { params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const link = await resolveShareToken(token);
  if (!link) return linkNotActiveResponse();
  if (link.ended) return planEndedResponse(link, { refused: "scores" });
  let values: Record<string, string | string[]>;
  try {
    values = formValues(await request.formData());
  } catch {
    return refused(link, token, 400, { outcome: "invalid" });
  }
  const clientKey = clientKeySchema.safeParse(values.clientKey);
  if (!clientKey.success) return refused(link, token, 400, { outcome: "invalid", values: typed(values) });
  const result = await recordPatientPsfs(link, { clientKey: clientKey.data, values });
  switch (result.status) {
    case "saved":
    case "duplicate":
      return redirect(token, result.status);
    case "ended":
      return planEndedResponse(link, { refused: "scores" });
    case "not-requested":
      return refused(link, token, 409, { outcome: "not-requested" });
    case "invalid":
      return refused(link, token, 400, { outcome: "invalid", fieldErrors: result.fieldErrors, values: typed(values) });
  }
}
