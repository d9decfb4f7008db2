// The patient page's responses, shared by the page (GET /p/<token>) and the log form's post when
// it refuses a submit (the page again, with the messages and what was typed).
import "server-only";
import crypto from "node:crypto";
import { recentSessionsForLink } from "@/lib/adherence/log-session";
import type { PatientSession } from "@/lib/adherence/recent-sessions";
import { publicUrl } from "@/lib/env";
import { clinicDate } from "@/lib/dates/format";
import { bytesBody } from "@/lib/http/bytes-body";
import { strictTransportSecurity } from "@/lib/http/security-headers";
import { endedPlanNotice, type ResolvedShareLink } from "@/lib/sharing/links";
import { linkNotActiveHtml, patientPageHtml, planEndedHtml, type LogFormState } from "./document";
import { planBodyOf } from "./plan-body";
import { psfsRequestForLink, type PatientPsfsRequest } from "@/lib/outcomes/psfs";
import type { PsfsFormState } from "./psfs-section";

// Referrer-Policy, X-Robots-Tag and the script-free Content-Security-Policy come from
// next.config.ts for every /p/* response; HSTS depends on the public URL the server runs with.
let headers: Record<string, string> | null = null;
function htmlHeaders(): Record<string, string> {
  headers ??= { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store", ...strictTransportSecurity(publicUrl()) };
  return headers;
}

/**
 * The page for a resolved link. `sessions` are the last 14 days and `psfsRequest` the open "score
 * your activities" request when the caller read them with the link (the page's GET does, in the
 * same round trip); otherwise they are read here. `activities` is the PSFS form's state after a post.
 */
export async function planPageResponse(
  link: ResolvedShareLink,
  token: string,
  form: LogFormState,
  {
    status = 200,
    sessions,
    psfsRequest,
    activities,
  }: { status?: number; sessions?: PatientSession[]; psfsRequest?: PatientPsfsRequest | null; activities?: Omit<PsfsFormState, "request"> } = {},
): Promise<Response> {
  const [body, recent, request] = await Promise.all([
    planBodyOf(link.versionId, link.snapshot),
    sessions ?? recentSessionsForLink(link),
    psfsRequest !== undefined ? psfsRequest : psfsRequestForLink(link),
  ]);
  const clientKey = crypto.randomUUID();
  const page = await patientPageHtml({ token, body, sessions: recent, today: clinicDate(new Date(), link.timeZone), clientKey, form, activities: { outcome: null, ...activities, request } });
  return new Response(bytesBody(page), { status, headers: htmlHeaders() });
}

/**
 * The page of a link whose plan has ended: 200 for a visit, or the refusal's status for a session
 * log (409: the plan's state refuses it) or a handout download (410).
 */
export async function planEndedResponse(link: ResolvedShareLink, { refused = null }: { refused?: "log" | "scores" | "handout" | null } = {}): Promise<Response> {
  const page = await planEndedHtml({ notice: await endedPlanNotice(link), refused });
  const status = refused === "log" || refused === "scores" ? 409 : refused === "handout" ? 410 : 200;
  return new Response(bytesBody(page), { status, headers: htmlHeaders() });
}

let notActive: string | null = null;

export async function linkNotActiveResponse(): Promise<Response> {
  notActive ??= await linkNotActiveHtml();
  return new Response(notActive, { status: 404, headers: htmlHeaders() });
}
