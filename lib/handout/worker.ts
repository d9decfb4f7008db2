// Worker-thread entry for handout rendering (see pool.ts): renders on request and posts
// the PDF bytes back. A worker is retired after a fixed number of renders, which is what
// returns @react-pdf's per-render leak to the operating system.
import { parentPort } from "node:worker_threads";
import type { PlanSnapshot } from "@/lib/plans/snapshot";
import type { HandoutOptions } from "./options";
import { registerHandoutFonts } from "./fonts";
import { handoutMeasurer } from "./measure";
import { renderHandout } from "./render";

export interface RenderRequest {
  id: number;
  snapshot: PlanSnapshot;
  options: HandoutOptions;
}

export type WorkerReply =
  | { type: "ready" }
  | { type: "done"; id: number; pdf: Uint8Array }
  | { type: "failed"; id: number; name: string; message: string; issues?: unknown };

const port = parentPort;
if (!port) throw new Error("lib/handout/worker.ts must run in a worker thread");

port.on("message", async (request: RenderRequest) => {
  try {
    const pdf = await renderHandout(request.snapshot, request.options);
    // Copy into a buffer of our own so it can be transferred rather than cloned.
    const bytes = new Uint8Array(pdf);
    port.postMessage({ type: "done", id: request.id, pdf: bytes } satisfies WorkerReply, [bytes.buffer]);
  } catch (error) {
    const err = error instanceof Error ? error : new Error(String(error));
    const issues = (err as { issues?: unknown }).issues;
    port.postMessage({
      type: "failed",
      id: request.id,
      name: err.name,
      message: err.message,
      issues: issues === undefined ? undefined : JSON.parse(JSON.stringify(issues)),
    } satisfies WorkerReply);
  }
});

// Load the fonts before saying ready, so the first render does not pay for it. (No top-level
// await: the bundled copy of this file under Next.js need not support it.)
registerHandoutFonts();
handoutMeasurer().then(
  () => port.postMessage({ type: "ready" } satisfies WorkerReply),
  (error: unknown) => {
    throw error;
  },
);
