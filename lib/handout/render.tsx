// Renders an issued plan's snapshot to the PDF handout, in this thread. Routes should use
// renderHandoutPooled (pool.ts), which runs this in a bounded set of worker threads.
import type { ReactElement } from "react";
import { pdf, type DocumentProps } from "@react-pdf/renderer";
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

/**
 * renderToBuffer, then the document unmounted. react-pdf leaves every rendered document mounted
 * in its React root, and React's root schedule keeps the roots reachable: each render's element,
 * fiber and layout trees (1–2 MB) stayed in memory for the life of the process or worker.
 */
async function renderToBufferAndRelease(document: ReactElement<DocumentProps>): Promise<Buffer> {
  const instance = pdf(document);
  try {
    const stream = await instance.toBuffer();
    return await new Promise<Buffer>((resolve, reject) => {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => resolve(Buffer.concat(chunks)));
      stream.on("error", reject);
    });
  } finally {
    // React keeps the previous tree as the root's alternate, so it takes two empty updates for
    // neither tree to hold the document; react-pdf's container keeps its laid-out copy itself.
    const empty = null as unknown as ReactElement<DocumentProps>;
    instance.updateContainer(empty);
    instance.updateContainer(empty);
    instance.container.document = null;
  }
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
  return { pdf: await renderToBufferAndRelease(document), plannedPages: sheets };
}

export async function renderHandout(snapshot: PlanSnapshot, options: HandoutOptions): Promise<Buffer> {
  return (await renderHandoutDetailed(snapshot, options)).pdf;
}
