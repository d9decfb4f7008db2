// Worker-thread entry for handout rendering (see pool.ts): renders one request at a time and
// posts the PDF bytes back.
import { parentPort, workerData } from "node:worker_threads";
import type { PlanSnapshot } from "@/lib/plans/snapshot";
import { fixtureLink, fixtureSnapshot } from "./fixture";
import type { HandoutOptions } from "./options";
import { registerHandoutFonts } from "./fonts";
import { handoutMeasurer } from "./measure";
import { renderHandout } from "./render";

export interface RenderRequest {
  snapshot: PlanSnapshot;
  options: HandoutOptions;
}

export type WorkerReply =
  | { type: "ready"; warmUpMs: number[] }
  | { type: "done"; pdf: Uint8Array }
  | { type: "failed"; name: string; message: string; issues?: unknown };

/** What the pool tells a worker when it starts it. */
export interface WorkerOptions {
  /** throwaway renders before saying ready (see pool.ts) */
  warmUpRenders: number;
}

const port = parentPort;
if (!port) throw new Error("lib/handout/worker.ts must run in a worker thread");

port.on("message", async (request: RenderRequest) => {
  try {
    const pdf = await renderHandout(request.snapshot, request.options);
    // Copy into a buffer of our own so it can be transferred rather than cloned.
    const bytes = new Uint8Array(pdf);
    port.postMessage({ type: "done", pdf: bytes } satisfies WorkerReply, [bytes.buffer]);
  } catch (error) {
    const err = error instanceof Error ? error : new Error(String(error));
    const issues = (err as { issues?: unknown }).issues;
    port.postMessage({
      type: "failed",
      name: err.name,
      message: err.message,
      issues: issues === undefined ? undefined : JSON.parse(JSON.stringify(issues)),
    } satisfies WorkerReply);
  }
});

/**
 * A fresh thread renders several times slower than a warm one until V8 has compiled the hot
 * code (the first render ~1 s, then ~0.5 s, settling near 0.1 s after a dozen or more), so a
 * worker started ahead of need renders the 12-exercise test handout a few times, normal and
 * large print, before it takes a patient's request.
 */
async function warmUp(renders: number): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < renders; i++) {
    const start = performance.now();
    await renderHandout(fixtureSnapshot(), { link: fixtureLink, paper: i % 2 ? "LETTER" : "A4", largePrint: i % 3 === 2 });
    times.push(Math.round(performance.now() - start));
  }
  return times;
}

// Load the fonts (and warm up) before saying ready, so the first request does not pay for it.
// (No top-level await: the bundled copy of this file under Next.js need not support it.)
const { warmUpRenders = 0 } = (workerData ?? {}) as Partial<WorkerOptions>;
registerHandoutFonts();
handoutMeasurer()
  .then(() => warmUp(warmUpRenders))
  .then(
    (warmUpMs) => port.postMessage({ type: "ready", warmUpMs } satisfies WorkerReply),
    (error: unknown) => {
      throw error;
    },
  );
