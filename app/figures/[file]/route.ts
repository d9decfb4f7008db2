// A figure file the patient page links to (lib/sharing/figure-images.ts). Named by its content's hash, so
// it is cached for a year; served with a policy that lets it run nothing, whatever it contained.
import { figureFileName, getFigureImage } from "@/lib/sharing/figure-images";

export const dynamic = "force-dynamic";

export async function GET(_request: Request, { params }: { params: Promise<{ file: string }> }) {
  const hash = figureFileName.exec((await params).file)?.[1];
  const svg = hash ? await getFigureImage(hash) : null;
  if (!svg) return new Response("Not found\n", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
  return new Response(svg, {
    headers: {
      "Content-Type": "image/svg+xml",
      "Cache-Control": "public, max-age=31536000, immutable",
      "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'",
    },
  });
}
