// Bounded handout rendering. Renders run in a small pool of worker threads (at most
// `maxWorkers` at once, the rest queue), and each worker is retired after
// `rendersPerWorker` renders, so @react-pdf's per-render leak (~0.4 MB) never accumulates
// in the server process. If no worker can be started in this runtime, renders fall back to
// this thread behind the same concurrency limit, and a warning says so once.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import { planSnapshotSchema, type PlanSnapshot } from "@/lib/plans/snapshot";
import { handoutOptionsSchema, type HandoutOptions } from "./options";
import type { RenderRequest, WorkerReply } from "./worker";

export interface HandoutPoolConfig {
  /** Renders at the same time; the machine budget is two cores. */
  maxWorkers: number;
  /** Renders before a worker is replaced by a fresh one. */
  rendersPerWorker: number;
  /** A render taking longer than this is abandoned and its worker ended. */
  renderTimeoutMs: number;
  /** false renders in this thread (still at most `maxWorkers` at once) */
  useWorkers: boolean;
}

export type HandoutPoolMode = "worker" | "in-process";

const defaults: HandoutPoolConfig = { maxWorkers: 2, rendersPerWorker: 50, renderTimeoutMs: 60_000, useWorkers: true };

interface Job {
  snapshot: PlanSnapshot;
  options: HandoutOptions;
  resolve: (pdf: Buffer) => void;
  reject: (error: Error) => void;
}

interface Slot {
  worker: Worker;
  renders: number;
  job: Job | null;
  timer: NodeJS.Timeout | null;
}

type Launcher = () => Worker;

let config: HandoutPoolConfig = { ...defaults };
const queue: Job[] = [];
const slots = new Set<Slot>();
let starting = 0;
let nextId = 1;
let launcher: Launcher | null = null;
let mode: HandoutPoolMode | null = null;
let inProcessActive = 0;
let workersStarted = 0;
let poolClosed = false;

// ---------------------------------------------------------------- starting workers

/** This module's own folder when it runs from source (tsx, vitest); null inside a bundle. */
function sourceFolder(): string | null {
  try {
    const here = fileURLToPath(import.meta.url);
    if (!/\.tsx?$/.test(here)) return null;
    const folder = path.dirname(here);
    return fs.existsSync(path.join(folder, "worker.ts")) ? folder : null;
  } catch {
    return null;
  }
}

function findUp(start: string, relative: string): string | null {
  let dir = start;
  for (;;) {
    const candidate = path.join(dir, relative);
    if (fs.existsSync(candidate)) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}

/**
 * Under Next.js the bundler sees this `new Worker(new URL(...))` and compiles worker.ts and
 * its imports into a chunk of their own.
 */
const bundledLauncher: Launcher = () =>
  new Worker(new URL("./worker.ts", import.meta.url), { resourceLimits: { maxOldGenerationSizeMb: 512 } });

/**
 * From source (tsx, vitest) Node cannot load TypeScript itself, so a two-line bootstrap
 * registers tsx's loader inside the worker and then imports worker.ts.
 */
function tsxLauncher(folder: string): Launcher | null {
  const api = findUp(folder, path.join("node_modules", "tsx", "dist", "esm", "api", "index.mjs"));
  const tsconfig = findUp(folder, "tsconfig.json");
  if (!api || !tsconfig) return null;
  const entry = pathToFileURL(path.join(folder, "worker.ts")).href;
  const bootstrap = [
    `import(${JSON.stringify(pathToFileURL(api).href)})`,
    `.then((tsx) => { tsx.register({ tsconfig: ${JSON.stringify(tsconfig)} }); return import(${JSON.stringify(entry)}); })`,
    `.catch((error) => { setImmediate(() => { throw error; }); });`,
  ].join("");
  return () =>
    new Worker(bootstrap, { eval: true, execArgv: [], resourceLimits: { maxOldGenerationSizeMb: 512 } });
}

function launchers(): Launcher[] {
  const folder = sourceFolder();
  const tsx = folder ? tsxLauncher(folder) : null;
  if (!tsx) return [bundledLauncher];
  // Inside Next.js the bundled worker comes first even if import.meta.url names the source file.
  return process.env.NEXT_RUNTIME ? [bundledLauncher, tsx] : [tsx, bundledLauncher];
}

/** Starts a worker and waits for it to say it has loaded; rejects if it dies first. */
function startWith(launch: Launcher): Promise<Worker> {
  return new Promise((resolve, reject) => {
    let worker: Worker;
    try {
      worker = launch();
    } catch (error) {
      reject(error instanceof Error ? error : new Error(String(error)));
      return;
    }
    const timer = setTimeout(() => {
      cleanup();
      void worker.terminate();
      reject(new Error("Handout worker did not start within 30 s"));
    }, 30_000);
    const onMessage = (message: WorkerReply) => {
      if (message.type !== "ready") return;
      cleanup();
      resolve(worker);
    };
    const onError = (error: Error) => {
      cleanup();
      void worker.terminate();
      reject(error);
    };
    const onExit = (code: number) => {
      cleanup();
      reject(new Error(`Handout worker exited with code ${code} while starting`));
    };
    function cleanup() {
      clearTimeout(timer);
      worker.off("message", onMessage);
      worker.off("error", onError);
      worker.off("exit", onExit);
    }
    worker.on("message", onMessage);
    worker.on("error", onError);
    worker.on("exit", onExit);
  });
}

async function startWorker(): Promise<Worker | null> {
  if (launcher) {
    try {
      return await startWith(launcher);
    } catch (error) {
      console.error("[handout] a render worker failed to start; trying again", error);
      launcher = null;
    }
  }
  const failures: unknown[] = [];
  for (const candidate of launchers()) {
    try {
      const worker = await startWith(candidate);
      launcher = candidate;
      return worker;
    } catch (error) {
      failures.push(error);
    }
  }
  console.warn(
    "[handout] worker threads are unavailable here; rendering handouts in the server thread, at most",
    config.maxWorkers,
    "at once",
    failures,
  );
  return null;
}

// ---------------------------------------------------------------- dispatch

function addSlot(worker: Worker): Slot {
  const slot: Slot = { worker, renders: 0, job: null, timer: null };
  worker.unref();
  worker.on("message", (message: WorkerReply) => {
    if (message.type === "ready" || !slot.job) return;
    const job = slot.job;
    finishJob(slot);
    if (message.type === "done") {
      job.resolve(Buffer.from(message.pdf.buffer, message.pdf.byteOffset, message.pdf.byteLength));
    } else {
      const error = new Error(message.message);
      error.name = message.name;
      job.reject(error);
    }
    pump();
  });
  worker.on("error", (error) => {
    const job = slot.job;
    dropSlot(slot);
    job?.reject(error);
    pump();
  });
  worker.on("exit", () => {
    if (!slots.has(slot)) return;
    const job = slot.job;
    dropSlot(slot);
    job?.reject(new Error("The handout renderer stopped unexpectedly"));
    pump();
  });
  slots.add(slot);
  workersStarted++;
  return slot;
}

function finishJob(slot: Slot): void {
  if (slot.timer) clearTimeout(slot.timer);
  slot.timer = null;
  slot.job = null;
  slot.renders++;
  slot.worker.unref();
  if (slot.renders >= config.rendersPerWorker) dropSlot(slot);
}

function dropSlot(slot: Slot): void {
  if (slot.timer) clearTimeout(slot.timer);
  slot.timer = null;
  slot.job = null;
  slots.delete(slot);
  void slot.worker.terminate();
}

function runOnWorker(slot: Slot, job: Job): void {
  slot.job = job;
  slot.worker.ref();
  slot.timer = setTimeout(() => {
    const timedOut = slot.job;
    dropSlot(slot);
    timedOut?.reject(new Error(`Handout render took longer than ${config.renderTimeoutMs} ms`));
    pump();
  }, config.renderTimeoutMs);
  const request: RenderRequest = { id: nextId++, snapshot: job.snapshot, options: job.options };
  slot.worker.postMessage(request);
}

async function runInProcess(job: Job): Promise<void> {
  inProcessActive++;
  try {
    const { renderHandout } = await import("./render");
    job.resolve(await renderHandout(job.snapshot, job.options));
  } catch (error) {
    job.reject(error instanceof Error ? error : new Error(String(error)));
  } finally {
    inProcessActive--;
    pump();
  }
}

function pump(): void {
  if (!config.useWorkers) mode = "in-process";
  if (mode === "in-process") {
    while (queue.length > 0 && inProcessActive < config.maxWorkers) void runInProcess(queue.shift()!);
    return;
  }
  for (const slot of slots) {
    if (queue.length === 0) return;
    if (!slot.job) runOnWorker(slot, queue.shift()!);
  }
  const wanted = Math.min(queue.length, config.maxWorkers - slots.size - starting);
  for (let i = 0; i < wanted; i++) {
    starting++;
    void startWorker().then((worker) => {
      starting--;
      if (worker) {
        mode = "worker";
        if (poolClosed) {
          void worker.terminate();
          return;
        }
        addSlot(worker);
      } else {
        mode = "in-process";
      }
      pump();
    });
  }
}

// ---------------------------------------------------------------- public API

/**
 * Renders a handout off the request thread. Bad input is rejected here, before it takes a
 * place in the queue, with the zod error the caller can turn into a 400.
 */
export async function renderHandoutPooled(snapshot: PlanSnapshot, options: HandoutOptions): Promise<Buffer> {
  const parsedOptions = handoutOptionsSchema.parse(options);
  const parsedSnapshot = planSnapshotSchema.parse(snapshot);
  poolClosed = false;
  return new Promise<Buffer>((resolve, reject) => {
    queue.push({ snapshot: parsedSnapshot, options: parsedOptions, resolve, reject });
    pump();
  });
}

/** Ends every worker and fails whatever is still queued. Safe to call more than once. */
export async function closeHandoutPool(): Promise<void> {
  poolClosed = true;
  const waiting = queue.splice(0);
  for (const job of waiting) job.reject(new Error("The handout renderer was shut down"));
  const running = [...slots];
  for (const slot of running) {
    const job = slot.job;
    dropSlot(slot);
    job?.reject(new Error("The handout renderer was shut down"));
  }
  await Promise.all(running.map((slot) => slot.worker.terminate()));
}

/** Changes the pool's limits (tests, benchmarks); applies to workers started afterwards. */
export function configureHandoutPool(changes: Partial<HandoutPoolConfig>): void {
  config = { ...config, ...changes };
  if (changes.useWorkers === true && mode === "in-process") mode = null;
}

export function handoutPoolStats(): {
  mode: HandoutPoolMode | null;
  workers: number;
  busy: number;
  queued: number;
  workersStarted: number;
  config: HandoutPoolConfig;
} {
  return {
    mode,
    workers: slots.size,
    busy: [...slots].filter((slot) => slot.job).length + inProcessActive,
    queued: queue.length,
    workersStarted,
    config: { ...config },
  };
}
