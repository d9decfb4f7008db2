// Bounded handout rendering. Renders run in a small pool of worker threads (at most
// `maxWorkers` at once, the rest queue). If no worker can be started in this runtime, renders
// fall back to this thread behind the same concurrency limit, and a warning says so once.
//
// A fresh worker renders several times slower than one that has rendered a dozen handouts (V8
// compiles the hot code as it goes), so workers are kept for a long time and started ahead of
// need where possible: `warmHandoutPool()` starts them warmed up (the server calls it as it
// starts: instrumentation-node.ts), and a worker that reaches `rendersPerWorker` keeps serving while its
// successor warms up, then hands over. Only a request that finds no worker at all waits for a
// cold one, which then starts without the warm-up.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import { planSnapshotSchema, type PlanSnapshot } from "@/lib/plans/snapshot";
import { handoutOptionsSchema, type HandoutOptions } from "./options";
import type { RenderRequest, WorkerOptions, WorkerReply } from "./worker";

export interface HandoutPoolConfig {
  /** Renders at the same time; the machine budget is two cores. */
  maxWorkers: number;
  /**
   * Renders before a worker is replaced by a fresh one. Renders no longer leak (render.tsx), so
   * this only bounds what a long-lived worker might accumulate.
   */
  rendersPerWorker: number;
  /** Throwaway renders a worker started ahead of need does before it takes requests. */
  warmUpRenders: number;
  /** A render taking longer than this is abandoned and its worker ended. */
  renderTimeoutMs: number;
  /** false renders in this thread (still at most `maxWorkers` at once) */
  useWorkers: boolean;
  /**
   * Renders waiting for a worker. One more is refused (HandoutQueueFullError, a 503 upstream)
   * rather than queued: a burst cannot pile up memory and minutes-long waits.
   */
  maxQueued: number;
}

/** The render queue is full: try again in `retryAfterSeconds`. */
export class HandoutQueueFullError extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super("The handout renderer is busy");
  }
}

export type HandoutPoolMode = "worker" | "in-process";

const defaults: HandoutPoolConfig = {
  maxWorkers: 2,
  rendersPerWorker: 1000,
  warmUpRenders: 6,
  renderTimeoutMs: 60_000,
  useWorkers: true,
  maxQueued: 16,
};

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
  /** past its quota: serving on until its successor is warm */
  retiring: boolean;
  /** the warmed-up successor, waiting for this worker's render in progress to finish */
  successor: Worker | null;
}

type Launcher = () => Worker;

interface PoolState {
  config: HandoutPoolConfig;
  queue: Job[];
  slots: Set<Slot>;
  /** workers being started because a request is waiting */
  starting: number;
  /** workers being started and warmed up ahead of need */
  warming: number;
  /** every worker not yet ready, so closing the pool can end them too */
  unready: Set<Worker>;
  /** retiring workers waiting for their turn to have a successor warmed up (one at a time) */
  awaitingSuccessor: Slot[];
  nextId: number;
  launcher: Launcher | null;
  mode: HandoutPoolMode | null;
  inProcessActive: number;
  workersStarted: number;
  /** how long each warm-up render took, for the most recent warmed worker */
  lastWarmUpMs: number[];
  closed: boolean;
  /** counts closings: a start begun before the pool was last closed is abandoned */
  closings: number;
}

/**
 * One pool per process, kept on globalThis: the bundler may give each route its own copy of this
 * module, and the renders of every route share the same two cores.
 */
const stateKey = Symbol.for("physioplan.handoutPool");
const state: PoolState = ((globalThis as Record<symbol, PoolState | undefined>)[stateKey] ??= {
  config: { ...defaults },
  queue: [],
  slots: new Set(),
  starting: 0,
  warming: 0,
  unready: new Set(),
  awaitingSuccessor: [],
  nextId: 1,
  launcher: null,
  mode: null,
  inProcessActive: 0,
  workersStarted: 0,
  lastWarmUpMs: [],
  closed: false,
  closings: 0,
});

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

type LaunchWith = (workerData: WorkerOptions) => Worker;

/**
 * Under Next.js the bundler sees this `new Worker(new URL(...))` and compiles worker.ts and
 * its imports into a chunk of their own.
 */
const bundledLauncher: LaunchWith = (workerData) =>
  new Worker(new URL("./worker.ts", import.meta.url), { workerData, resourceLimits: { maxOldGenerationSizeMb: 512 } });

/**
 * From source (tsx, vitest) Node cannot load TypeScript itself, so a two-line bootstrap
 * registers tsx's loader inside the worker and then imports worker.ts.
 */
function tsxLauncher(folder: string): LaunchWith | null {
  const api = findUp(folder, path.join("node_modules", "tsx", "dist", "esm", "api", "index.mjs"));
  const tsconfig = findUp(folder, "tsconfig.json");
  if (!api || !tsconfig) return null;
  const entry = pathToFileURL(path.join(folder, "worker.ts")).href;
  const bootstrap = [
    `import(${JSON.stringify(pathToFileURL(api).href)})`,
    `.then((tsx) => { tsx.register({ tsconfig: ${JSON.stringify(tsconfig)} }); return import(${JSON.stringify(entry)}); })`,
    `.catch((error) => { setImmediate(() => { throw error; }); });`,
  ].join("");
  return (workerData) =>
    new Worker(bootstrap, { eval: true, execArgv: [], workerData, resourceLimits: { maxOldGenerationSizeMb: 512 } });
}

function launchers(): LaunchWith[] {
  const folder = sourceFolder();
  const tsx = folder ? tsxLauncher(folder) : null;
  if (!tsx) return [bundledLauncher];
  // Inside Next.js the bundled worker comes first even if import.meta.url names the source file.
  return process.env.NEXT_RUNTIME ? [bundledLauncher, tsx] : [tsx, bundledLauncher];
}

/** Starts a worker and waits for it to say it has loaded (and warmed up); rejects if it dies first. */
function startWith(launch: Launcher, warmUpRenders: number): Promise<Worker> {
  return new Promise((resolve, reject) => {
    let worker: Worker;
    try {
      worker = launch();
    } catch (error) {
      reject(error instanceof Error ? error : new Error(String(error)));
      return;
    }
    state.unready.add(worker);
    const limitMs = 30_000 + 15_000 * warmUpRenders;
    const timer = setTimeout(() => {
      cleanup();
      void worker.terminate();
      reject(new Error(`Handout worker did not start within ${limitMs / 1000} s`));
    }, limitMs);
    const onMessage = (message: WorkerReply) => {
      if (message.type !== "ready") return;
      cleanup();
      if (message.warmUpMs.length > 0) state.lastWarmUpMs = message.warmUpMs;
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
      state.unready.delete(worker);
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

let launchWith: LaunchWith | null = null;

/**
 * A started worker, or null when no way of starting one works here. `fallBack` says whether that
 * means rendering in this thread from now on (a request is waiting) or just giving up (warming).
 */
async function startWorker(warmUpRenders: number, fallBack: boolean): Promise<Worker | null> {
  const workerData: WorkerOptions = { warmUpRenders };
  const closings = state.closings;
  // Closing the pool ends workers still starting; that is no reason to try another way.
  const abandoned = () => state.closings !== closings;
  if (launchWith) {
    const launch = launchWith;
    try {
      return await startWith(() => launch(workerData), warmUpRenders);
    } catch (error) {
      if (abandoned()) return null;
      console.error("[handout] a render worker failed to start; trying again", error);
      launchWith = null;
    }
  }
  const failures: unknown[] = [];
  for (const candidate of launchers()) {
    try {
      const worker = await startWith(() => candidate(workerData), warmUpRenders);
      launchWith = candidate;
      return worker;
    } catch (error) {
      if (abandoned()) return null;
      failures.push(error);
    }
  }
  if (fallBack) {
    console.warn(
      "[handout] worker threads are unavailable here; rendering handouts in the server thread, at most",
      state.config.maxWorkers,
      "at once",
      failures,
    );
  } else {
    console.warn("[handout] could not start a render worker ahead of need", failures);
  }
  return null;
}

// ---------------------------------------------------------------- dispatch

function addSlot(worker: Worker): Slot {
  const slot: Slot = { worker, renders: 0, job: null, timer: null, retiring: false, successor: null };
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
    if (!state.slots.has(slot)) return;
    const job = slot.job;
    dropSlot(slot);
    job?.reject(new Error("The handout renderer stopped unexpectedly"));
    pump();
  });
  state.slots.add(slot);
  state.workersStarted++;
  state.mode = "worker";
  return slot;
}

function finishJob(slot: Slot): void {
  if (slot.timer) clearTimeout(slot.timer);
  slot.timer = null;
  slot.job = null;
  slot.renders++;
  slot.worker.unref();
  if (slot.successor) {
    handOver(slot, slot.successor);
  } else if (slot.renders >= state.config.rendersPerWorker && !slot.retiring) {
    slot.retiring = true;
    state.awaitingSuccessor.push(slot);
    warmNextSuccessor();
  }
}

/** Replaces a retiring worker by its warmed-up successor. */
function handOver(slot: Slot, successor: Worker): void {
  slot.successor = null;
  dropSlot(slot);
  if (state.closed) void successor.terminate();
  else addSlot(successor);
}

/** Warms up a successor for the next retiring worker, one at a time so live renders keep a core. */
function warmNextSuccessor(): void {
  if (state.warming > 0 || state.closed) return;
  const slot = state.awaitingSuccessor.shift();
  if (!slot) return;
  if (!state.slots.has(slot)) {
    warmNextSuccessor();
    return;
  }
  state.warming++;
  const closings = state.closings;
  void startWorker(state.config.warmUpRenders, false).then((worker) => {
    if (state.closings !== closings) {
      void worker?.terminate();
      return;
    }
    state.warming--;
    if (!worker) {
      // No successor could start: the worker serves on, and is offered a successor again after
      // another quota.
      slot.retiring = false;
      slot.renders = 0;
    } else if (!state.slots.has(slot)) {
      addSlot(worker);
    } else if (slot.job) {
      slot.successor = worker;
    } else {
      handOver(slot, worker);
    }
    warmNextSuccessor();
    pump();
  });
}

function dropSlot(slot: Slot): void {
  if (slot.timer) clearTimeout(slot.timer);
  slot.timer = null;
  slot.job = null;
  state.slots.delete(slot);
  void slot.worker.terminate();
  if (slot.successor) {
    // The worker died mid-render: its successor takes its place at once.
    const successor = slot.successor;
    slot.successor = null;
    if (state.closed) void successor.terminate();
    else addSlot(successor);
  }
}

function runOnWorker(slot: Slot, job: Job): void {
  slot.job = job;
  slot.worker.ref();
  slot.timer = setTimeout(() => {
    const timedOut = slot.job;
    dropSlot(slot);
    timedOut?.reject(new Error(`Handout render took longer than ${state.config.renderTimeoutMs} ms`));
    pump();
  }, state.config.renderTimeoutMs);
  const request: RenderRequest = { id: state.nextId++, snapshot: job.snapshot, options: job.options };
  slot.worker.postMessage(request);
}

async function runInProcess(job: Job): Promise<void> {
  state.inProcessActive++;
  try {
    const { renderHandout } = await import("./render");
    job.resolve(await renderHandout(job.snapshot, job.options));
  } catch (error) {
    job.reject(error instanceof Error ? error : new Error(String(error)));
  } finally {
    state.inProcessActive--;
    pump();
  }
}

function pump(): void {
  const { config, queue } = state;
  if (!config.useWorkers) state.mode = "in-process";
  if (state.mode === "in-process") {
    while (queue.length > 0 && state.inProcessActive < config.maxWorkers) void runInProcess(queue.shift()!);
    return;
  }
  for (const slot of state.slots) {
    if (queue.length === 0) return;
    if (!slot.job) runOnWorker(slot, queue.shift()!);
  }
  // Workers warming up ahead of need count towards the limit: a request waits for one of them
  // rather than a third render thread competing for two cores.
  const wanted = Math.min(queue.length, config.maxWorkers - state.slots.size - state.starting - state.warming);
  for (let i = 0; i < wanted; i++) {
    state.starting++;
    const closings = state.closings;
    void startWorker(0, true).then((worker) => {
      if (state.closings !== closings) {
        void worker?.terminate();
        return;
      }
      state.starting--;
      if (worker) addSlot(worker);
      else state.mode = "in-process";
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
  state.closed = false;
  const { config, queue } = state;
  if (queue.length >= config.maxQueued) {
    // A render takes well under a second warm: about one second per queued render per worker.
    throw new HandoutQueueFullError(Math.max(1, Math.ceil(queue.length / config.maxWorkers)));
  }
  return new Promise<Buffer>((resolve, reject) => {
    state.queue.push({ snapshot: parsedSnapshot, options: parsedOptions, resolve, reject });
    pump();
  });
}

/**
 * Starts the pool's workers ahead of need, each warmed up with `warmUpRenders` throwaway renders,
 * so the first handouts asked for do not wait for a cold worker. Resolves when they are ready
 * (or could not be started); does nothing for workers already running or starting.
 */
export async function warmHandoutPool(): Promise<void> {
  state.closed = false;
  const { config } = state;
  if (!config.useWorkers || state.mode === "in-process") return;
  const wanted = config.maxWorkers - state.slots.size - state.starting - state.warming;
  const closings = state.closings;
  const started = Array.from({ length: Math.max(0, wanted) }, async () => {
    state.warming++;
    const worker = await startWorker(config.warmUpRenders, false);
    if (state.closings !== closings) {
      void worker?.terminate();
      return;
    }
    state.warming--;
    if (worker) addSlot(worker);
    pump();
  });
  await Promise.all(started);
}

/** Ends every worker and fails whatever is still queued. Safe to call more than once. */
export async function closeHandoutPool(): Promise<void> {
  state.closed = true;
  // Starts under way are abandoned: their workers are ended below or as soon as they are ready.
  state.closings++;
  state.starting = 0;
  state.warming = 0;
  const waiting = state.queue.splice(0);
  for (const job of waiting) job.reject(new Error("The handout renderer was shut down"));
  state.awaitingSuccessor.length = 0;
  const running = [...state.slots];
  const successors = running.flatMap((slot) => (slot.successor ? [slot.successor] : []));
  for (const slot of running) {
    const job = slot.job;
    slot.successor = null;
    dropSlot(slot);
    job?.reject(new Error("The handout renderer was shut down"));
  }
  const unready = [...state.unready];
  await Promise.all([...running.map((slot) => slot.worker), ...successors, ...unready].map((worker) => worker.terminate()));
}

/** Changes the pool's limits (tests, benchmarks); applies to workers started afterwards. */
export function configureHandoutPool(changes: Partial<HandoutPoolConfig>): void {
  state.config = { ...state.config, ...changes };
  if (changes.useWorkers === true && state.mode === "in-process") state.mode = null;
}

export function handoutPoolStats(): {
  mode: HandoutPoolMode | null;
  workers: number;
  busy: number;
  queued: number;
  warming: number;
  workersStarted: number;
  lastWarmUpMs: number[];
  config: HandoutPoolConfig;
} {
  return {
    mode: state.mode,
    workers: state.slots.size,
    busy: [...state.slots].filter((slot) => slot.job).length + state.inProcessActive,
    queued: state.queue.length,
    warming: state.warming,
    workersStarted: state.workersStarted,
    lastWarmUpMs: [...state.lastWarmUpMs],
    config: { ...state.config },
  };
}
