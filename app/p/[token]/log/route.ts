// "Log today's session": a plain form post from the patient page, which has no JavaScript.
// A saved (or already saved) session gets a 303 back to the page (post/redirect/get: reloading
// never posts again); a refused one gets the page itself with the status (400, 409, 429), the
// message by the field and everything the patient typed still in the form. A client asking for
// JSON gets the same statuses with the message as JSON.
// A route handler rather than a server action: the page sends `Referrer-Policy: no-referrer`, so
// browsers post its forms with `Origin: null`, which Next's server-action origin check refuses.
// The token is the only credential (no cookie is involved), so there is no CSRF to guard against.
import crypto from "node:crypto";
import type { NextRequest } from "next/server";
import { fieldErrorsOf, formValues } from "@/lib/auth/action";
import { logOutcomes, type LogOutcome } from "@/lib/adherence/log-messages";
import { logSession, sessionLogInputSchema } from "@/lib/adherence/log-session";
import { UserError } from "@/lib/errors";
import { resolveShareToken, type ResolvedShareLink } from "@/lib/sharing/links";
import type { LogFormState } from "../_page/document";
import { linkNotActiveResponse, planPageResponse } from "../_page/responses";

export const dynamic = "force-dynamic";

const statusOf: Record<LogOutcome, number> = { saved: 200, duplicate: 200, limited: 429, invalid: 400, stale: 409 };

function wantsJson(request: NextRequest): boolean {
  return request.headers.get("accept")?.includes("application/json") ?? false;
}

/** What the patient typed, to put back in the form when the submit is refused. */
function typed(values: Record<string, string | string[]>): NonNullable<LogFormState["values"]> {
  const list = (value: string | string[] | undefined) => (value === undefined ? [] : Array.isArray(value) ? value : [value]);
  const pain = Number(list(values.pain)[0]);
  return {
    done: list(values.done).map(Number).filter(Number.isInteger),
    pain: Number.isInteger(pain) && pain >= 0 && pain <= 10 ? pain : null,
    comment: list(values.comment)[0] ?? "",
  };
}

async function answer(
  request: NextRequest,
  link: ResolvedShareLink,
  token: string,
  outcome: LogOutcome,
  refused: Pick<LogFormState, "fieldErrors" | "values"> = {},
): Promise<Response> {
  if (wantsJson(request)) {
    const body = { ...logOutcomes[outcome], outcome, fieldErrors: refused.fieldErrors, ...(logOutcomes[outcome].ok ? { clientKey: crypto.randomUUID() } : {}) };
    return Response.json(body, { status: statusOf[outcome], headers: { "Cache-Control": "no-store" } });
  }
  if (logOutcomes[outcome].ok) {
    // A relative Location: the browser stays on whatever origin it is on.
    return new Response(null, { status: 303, headers: { Location: `/p/${token}?log=${outcome}#log`, "Cache-Control": "no-store" } });
  }
  return planPageResponse(link, token, { outcome, ...refused }, statusOf[outcome]);
}

export async function POST(request: NextRequest, { params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const link = await resolveShareToken(token);
  if (!link) {
    if (wantsJson(request)) {
      return Response.json({ ok: false, message: "This link is not active — please ask your clinic for a new one." }, { status: 404, headers: { "Cache-Control": "no-store" } });
    }
    return linkNotActiveResponse();
  }
  let values: Record<string, string | string[]>;
  try {
    values = formValues(await request.formData());
  } catch {
    return answer(request, link, token, "invalid");
  }
  const parsed = sessionLogInputSchema.safeParse(values);
  if (!parsed.success) return answer(request, link, token, "invalid", { fieldErrors: fieldErrorsOf(parsed.error), values: typed(values) });
  try {
    const { status } = await logSession(link, parsed.data);
    if (status === "rate-limited") return answer(request, link, token, "limited", { values: typed(values) });
    return answer(request, link, token, status === "logged" ? "saved" : "duplicate");
  } catch (error) {
    if (error instanceof UserError) return answer(request, link, token, "stale", { values: typed(values) });
    throw error;
  }
}
