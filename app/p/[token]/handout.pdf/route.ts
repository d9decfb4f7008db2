// The patient's handout download: the newest issued version of the plan the token opens.
import type { NextRequest } from "next/server";
import { handoutQuerySchema, handoutResponse, variantOf } from "@/lib/sharing/handouts";
import { resolveShareToken } from "@/lib/sharing/links";
import { issuedPaper } from "@/lib/plans/snapshot";
import { patientLinkUrl, publicOrigin } from "@/lib/sharing/url";
import { plainResponse } from "@/lib/sharing/responses";
import { planEndedResponse } from "../_page/responses";

export const dynamic = "force-dynamic";

/** The patient's link always serves the newest version: `?version=` is the clinician's. Built once: zod compiles a schema on its first parse. */
const patientQuerySchema = handoutQuerySchema.omit({ version: true });
const noOptions = patientQuerySchema.safeParse({});

export async function GET(request: NextRequest, { params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  // Most downloads carry no options: the plain A4 handout needs no parsing.
  const query = request.url.includes("?") ? patientQuerySchema.safeParse(Object.fromEntries(request.nextUrl.searchParams)) : noOptions;
  if (!query.success) return plainResponse(400, "Unknown handout options. Use ?large=1 for large print and ?paper=letter for US Letter.");
  const link = await resolveShareToken(token);
  if (!link) return plainResponse(404, "This link is not active — please ask your clinic for a new one.");
  // An ended plan's handout is not served: the clinician decides what the patient keeps doing.
  if (link.ended) return planEndedResponse(link, { refused: "handout" });
  return handoutResponse({
    versionId: link.versionId,
    clinicId: link.clinicId,
    linkId: link.linkId,
    snapshot: link.snapshot,
    variant: variantOf(query.data, issuedPaper(link.snapshot.clinic)),
    link: () => patientLinkUrl(publicOrigin(), token),
  });
}
