// Renders an issued plan's snapshot to the PDF handout, in this thread. Routes should use
// renderHandoutPooled (pool.ts), which runs this in a bounded set of worker threads.
import { renderToBuffer } from "@react-pdf/renderer";
import { planSnapshotSchema, type PlanSnapshot } from "@/lib/plans/snapshot";
import { handoutDocument } from "./document";
import { registerHandoutFonts } from "./fonts";
import { handoutMeasurer } from "./measure";
import { handoutOptionsSchema, type HandoutOptions } from "./options";

export { handoutOptionsSchema, type HandoutOptions } from "./options";

/** Pages in a PDF written by react-pdf (pdfkit writes each page object's dictionary uncompressed). */
export function countPdfPages(pdf: Buffer): number {
  return pdf.toString("latin1").match(/\/Type \/Page\b(?!s)/g)?.length ?? 0;
}

export interface RenderedHandout {
  pdf: Buffer;
  /** sheets the layout planned; more pages in `pdf` means a block was measured short */
  plannedPages: number;
}

/**
 * Renders and reports how many pages the layout planned. With `verifyPacking`, react-pdf
 * paginates every sheet itself, so a block measured short comes out as an extra page.
 */
export async function renderHandoutDetailed(
  snapshot: PlanSnapshot,
  options: HandoutOptions,
  { verifyPacking = false }: { verifyPacking?: boolean } = {},
): Promise<RenderedHandout> {
  const parsedOptions = handoutOptionsSchema.parse(options);
  const parsedSnapshot = planSnapshotSchema.parse(snapshot);
  registerHandoutFonts();
  const measure = await handoutMeasurer();
  const { document, sheets } = handoutDocument(parsedSnapshot, parsedOptions, measure, verifyPacking);
  const pdf = await renderToBuffer(document);
  return { pdf, plannedPages: sheets };
}

export async function renderHandout(snapshot: PlanSnapshot, options: HandoutOptions): Promise<Buffer> {
  return (await renderHandoutDetailed(snapshot, options)).pdf;
}
