// The clinician's handout download: any issued version (?version=N, default the newest) of one of
// their clinic's plans, with the plan's live link in the QR code.
import type { NextRequest } from "next/server";
import { recordRead } from "@/lib/audit/reads";
import { getActor } from "@/lib/auth/actor";
import { handoutQuerySchema, handoutResponse, variantOf } from "@/lib/sharing/handouts";
import { getIssuedVersion } from "@/lib/sharing/versions";
import { issuedPaper } from "@/lib/plans/snapshot";
import { getShareLink } from "@/lib/sharing/links";
import { plainResponse } from "@/lib/sharing/responses";
import { patientLinkUrl, publicOrigin } from "@/lib/sharing/url";

export const dynamic = "force-dynamic";

export async function GET(request: NextRequest, { params }: { params: Promise<{ planId: string }> }) {
  const actor = await getActor();
  if (!actor) return plainResponse(401, "Sign in to download handouts.");
  const { planId } = await params;
  const query = handoutQuerySchema.safeParse(Object.fromEntries(request.nextUrl.searchParams));
  if (!query.success) return plainResponse(400, "Unknown handout options. Use ?large=1, ?paper=letter and ?version=N.");
  const version = await getIssuedVersion(actor, { planId, version: query.data.version });
  if (!version) return plainResponse(404, "No such issued plan version.");
  const link = await getShareLink(actor, { planId });
  if (!link?.token) {
    return plainResponse(409, "This plan has no active patient link, so its handout has no QR code to print. Create a link on the plan page first.");
  }
  const variant = variantOf(query.data, issuedPaper(version.snapshot.clinic));
  return handoutResponse(
    {
      versionId: version.versionId,
      clinicId: actor.clinicId,
      linkId: link.id,
      snapshot: version.snapshot,
      variant,
      link: patientLinkUrl(publicOrigin(), link.token),
    },
    () => recordRead(actor, { action: "handout.downloaded", entityId: planId, detail: { version: version.version, variant } }),
  );
}
