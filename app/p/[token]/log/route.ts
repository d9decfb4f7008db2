// "Log today's session": a plain form post from the patient page, which has no JavaScript.
// A saved (or already saved) session gets a 303 back to the page (post/redirect/get: reloading
// never posts again); a refused one gets the page itself with the status (400, 409, 429), the
// message by the field and everything the patient typed still in the form.
// A route handler rather than a server action, for the reasons lib/sharing/patient-form.ts gives.
import { fieldErrorsOf } from "@/lib/auth/action";
import { logOutcomes, type LogOutcome } from "@/lib/adherence/log-messages";
import { commentMaxLength, logSession, nextDayChanges, sessionLogInputSchema } from "@/lib/adherence/log-session";
import { UserError } from "@/lib/errors";
import { backToPage, patientFormPost, postedValues, type FormValues } from "@/lib/sharing/patient-form";
import { resolveShareToken, type ResolvedShareLink } from "@/lib/sharing/links";
import type { LogFormState } from "../_page/document";
import { linkNotActiveResponse, planEndedResponse, planPageResponse } from "../_page/responses";

export const dynamic = "force-dynamic";

/** The status of each outcome: a redirect back to the page, or the page itself saying what went wrong. */
const statusOf: Record<LogOutcome, number> = { saved: 303, duplicate: 303, limited: 429, invalid: 400, stale: 409 };

/**
 * What the patient typed, to put back in the form when the submit is refused: never more than the
 * fields allow (a refused page must not echo an attacker's megabytes back).
 */
function typed(values: FormValues): NonNullable<LogFormState["values"]> {
  const list = (value: string | string[] | undefined) => (value === undefined ? [] : Array.isArray(value) ? value : [value]);
  const score = (value: string | string[] | undefined) => {
    const first = list(value)[0];
    const number = first === undefined || first === "" ? Number.NaN : Number(first);
    return Number.isInteger(number) && number >= 0 && number <= 10 ? number : null;
  };
  const choice = (value: string | string[] | undefined) => {
    const first = list(value)[0];
    return (nextDayChanges as readonly string[]).includes(first ?? "") ? first! : null;
  };
  return {
    done: [...new Set(list(values.done).slice(0, 1000).map(Number).filter(Number.isInteger))],
    pain: score(values.pain),
    exercisePain: score(values.exercisePain),
    nextDay: choice(values.nextDay),
    swelling: choice(values.swelling),
    comment: (list(values.comment)[0] ?? "").slice(0, commentMaxLength),
  };
}

async function answer(
  link: ResolvedShareLink,
  token: string,
  outcome: LogOutcome,
  refused: Pick<LogFormState, "fieldErrors" | "values"> = {},
): Promise<Response> {
  if (logOutcomes[outcome].ok) return backToPage(token, "log", outcome);
  return planPageResponse(link, token, { outcome, ...refused }, { status: statusOf[outcome] });
}

export const POST = patientFormPost("Your session", async (request, token) => {
  const link = await resolveShareToken(token);
  if (!link) return linkNotActiveResponse();
  if (link.ended) return planEndedResponse(link, { refused: "log" });
  const values = await postedValues(request);
  if (!values) return answer(link, token, "invalid");
  const parsed = sessionLogInputSchema.safeParse(values);
  if (!parsed.success) return answer(link, token, "invalid", { fieldErrors: fieldErrorsOf(parsed.error), values: typed(values) });
  try {
    const { status } = await logSession(link, parsed.data);
    if (status === "rate-limited") return answer(link, token, "limited", { values: typed(values) });
    if (status === "ended") return planEndedResponse(link, { refused: "log" });
    return answer(link, token, status === "logged" ? "saved" : "duplicate");
  } catch (error) {
    if (error instanceof UserError) return answer(link, token, "stale", { values: typed(values) });
    throw error;
  }
});
