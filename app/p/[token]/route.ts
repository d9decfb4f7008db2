// The patient's page: their plan's newest issued version, read on a phone without an account.
// A route handler sending React rendered to static HTML rather than an App Router page: the page
// needs no JavaScript (the log form is a plain post), its per-version parts are rendered once and
// kept (_page/plan-body.tsx), and skipping the React Server Components pipeline is what lets it meet
// the design's budget under load (docs/BENCHMARKS.md). The token is the only key and is never logged.
import type { NextRequest } from "next/server";
import { isLogOutcome } from "@/lib/adherence/log-messages";
import { resolveShareTokenForPage } from "@/lib/sharing/links";
import { isPsfsOutcome } from "./_page/psfs-section";
import { linkNotActiveResponse, planEndedResponse, planPageResponse } from "./_page/responses";

export const dynamic = "force-dynamic";

export async function GET(request: NextRequest, { params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const visit = await resolveShareTokenForPage(token);
  if (!visit) return linkNotActiveResponse();
  if (visit.link.ended) return planEndedResponse(visit.link);
  // After a submit without JavaScript the log and activities routes redirect here with their outcome.
  const query = request.url.includes("?") ? request.nextUrl.searchParams : null;
  const outcome = query?.get("log") ?? null;
  const scores = query?.get("activities") ?? null;
  return planPageResponse(
    visit.link,
    token,
    { outcome: isLogOutcome(outcome) ? outcome : null },
    { sessions: visit.recentSessions, psfsRequest: visit.psfsRequest, activities: { outcome: isPsfsOutcome(scores) ? scores : null } },
  );
}
