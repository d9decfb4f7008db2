// "Log today's session": a plain form POST, so it works with JavaScript off. A browser's own
// submit gets a 303 back to the plan (post/redirect/get: reloading never posts again); the
// enhanced form asks for JSON and gets a status code (400, 404, 429) with the message.
// A route handler rather than a server action: the page sends `Referrer-Policy: no-referrer`, so
// browsers post its forms with `Origin: null`, which Next's server-action origin check refuses.
// The token is the only credential (no cookie is involved), so there is no CSRF to guard against.
import crypto from "node:crypto";
import type { NextRequest } from "next/server";
import { fieldErrorsOf, formValues } from "@/lib/auth/action";
import { logOutcomes, type LogOutcome } from "@/lib/adherence/log-messages";
import { logSession, sessionLogInputSchema } from "@/lib/adherence/log-session";
import { UserError } from "@/lib/errors";
import { resolveShareToken } from "@/lib/sharing/links";

export const dynamic = "force-dynamic";

const statusOf: Record<LogOutcome, number> = { saved: 200, duplicate: 200, limited: 429, invalid: 400, stale: 409 };

function answer(request: NextRequest, token: string, outcome: LogOutcome, extra: { fieldErrors?: Record<string, string[]> } = {}) {
  if (request.headers.get("accept")?.includes("application/json")) {
    const body = { ...logOutcomes[outcome], outcome, ...extra, ...(logOutcomes[outcome].ok ? { clientKey: crypto.randomUUID() } : {}) };
    return Response.json(body, { status: statusOf[outcome], headers: { "Cache-Control": "no-store" } });
  }
  // A relative Location: the browser stays on whatever origin it is on.
  return new Response(null, { status: 303, headers: { Location: `/p/${token}?log=${outcome}#log`, "Cache-Control": "no-store" } });
}

export async function POST(request: NextRequest, { params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const link = await resolveShareToken(token);
  if (!link) {
    if (request.headers.get("accept")?.includes("application/json")) {
      return Response.json({ ok: false, message: "This link is not active — please ask your clinic for a new one." }, { status: 404, headers: { "Cache-Control": "no-store" } });
    }
    return new Response(null, { status: 303, headers: { Location: `/p/${token}`, "Cache-Control": "no-store" } });
  }
  let formData: FormData;
  try {
    formData = await request.formData();
  } catch {
    return answer(request, token, "invalid");
  }
  const parsed = sessionLogInputSchema.safeParse(formValues(formData));
  if (!parsed.success) return answer(request, token, "invalid", { fieldErrors: fieldErrorsOf(parsed.error) });
  try {
    const { status } = await logSession(link, parsed.data);
    return answer(request, token, status === "logged" ? "saved" : status === "duplicate" ? "duplicate" : "limited");
  } catch (error) {
    if (error instanceof UserError) return answer(request, token, "stale");
    throw error;
  }
}
