// The patient page's responses, shared by the page (GET /p/<token>) and the log form's post when
// it refuses a submit (the page again, with the messages and what was typed).
import "server-only";
import crypto from "node:crypto";
import { recentSessionsForLink } from "@/lib/adherence/log-session";
import type { ResolvedShareLink } from "@/lib/sharing/links";
import { linkNotActiveHtml, patientPageHtml, type LogFormState } from "./document";
import { planBodyOf } from "./plan-body";

// Referrer-Policy and X-Robots-Tag come from next.config.ts for every /p/* response.
const htmlHeaders = { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" };

export async function planPageResponse(link: ResolvedShareLink, token: string, form: LogFormState, status = 200): Promise<Response> {
  const [body, sessions] = await Promise.all([planBodyOf(link.versionId, link.snapshot), recentSessionsForLink(link)]);
  const page = patientPageHtml({ token, body, sessions, clientKey: crypto.randomUUID(), form });
  return new Response(new Uint8Array(page.buffer as ArrayBuffer, page.byteOffset, page.byteLength), { status, headers: htmlHeaders });
}

let notActive: string | null = null;

export function linkNotActiveResponse(): Response {
  notActive ??= linkNotActiveHtml();
  return new Response(notActive, { status: 404, headers: htmlHeaders });
}
