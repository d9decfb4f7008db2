// The patient's handout download: the newest issued version of the plan the token opens.
import type { NextRequest } from "next/server";
import { handoutPdf, handoutQuerySchema, variantOf } from "@/lib/sharing/handouts";
import { resolveShareToken } from "@/lib/sharing/links";
import { patientLinkUrl, publicOrigin } from "@/lib/sharing/url";
import { pdfResponse, plainResponse } from "@/lib/sharing/responses";

export const dynamic = "force-dynamic";

export async function GET(request: NextRequest, { params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const query = handoutQuerySchema.omit({ version: true }).safeParse(Object.fromEntries(request.nextUrl.searchParams));
  if (!query.success) return plainResponse(400, "Unknown handout options. Use ?large=1 for large print and ?paper=letter for US Letter.");
  const link = await resolveShareToken(token);
  if (!link) return plainResponse(404, "This link is not active — please ask your clinic for a new one.");
  const file = await handoutPdf({
    versionId: link.versionId,
    clinicId: link.clinicId,
    linkId: link.linkId,
    snapshot: link.snapshot,
    variant: variantOf(query.data),
    link: patientLinkUrl(publicOrigin(request.headers), token),
  });
  return pdfResponse(file);
}
