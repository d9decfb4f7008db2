// Bounded handout rendering: a fixed set of worker threads (`maxWorkers`, one per core of the
// machine budget) started with the server and warmed up (`warmHandoutPool()`, called from
// instrumentation-node.ts). A worker that dies or overruns its time is ended and replaced; renders
// wait in a bounded queue, and one more is refused (HandoutQueueFullError, a 503 upstream).
// If no worker can be started in this runtime, renders run in this thread behind the same limit.
//
// A fresh worker renders several times slower than one that has rendered a dozen handouts (V8
// compiles the hot code as it goes), so workers live as long as the server and every worker the
// pool starts warms up first, except one started because a request is waiting and no worker
// is there at all.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import { planSnapshotSchema, type PlanSnapshot } from "@/lib/plans/snapshot";
import { handoutOptionsSchema, type HandoutOptions } from "./options";
import type { RenderRequest, WorkerOptions, WorkerReply } from "./worker";

export interface HandoutPoolConfig {
  /** Renders at the same time, and workers kept; the machine budget is two cores. */
  maxWorkers: number;
  /** Throwaway renders a worker does before it takes requests. */
  warmUpRenders: number;
  /** A render taking longer than this is abandoned and its worker replaced. */
  renderTimeoutMs: number;
  /** false renders in this thread (still at most `maxWorkers` at once) */
  useWorkers: boolean;
  /** Renders waiting for a worker; one more is refused rather than queued. */
  maxQueued: number;
}

/** The render queue is full: try again in `retryAfterSeconds`. */
export class HandoutQueueFullError extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super("The handout renderer is busy");
  }
}

export type HandoutPoolMode = "worker" | "in-process";

const defaults: HandoutPoolConfig = { maxWorkers: 2, warmUpRenders: 6, renderTimeoutMs: 60_000, useWorkers: true, maxQueued: 16 };

interface Job {
  snapshot: PlanSnapshot;
  options: HandoutOptions;
  resolve: (pdf: Buffer) => void;
  reject: (error: Error) => void;
}

interface Slot {
  worker: Worker;
  job: Job | null;
  timer: NodeJS.Timeout | null;
}

interface PoolState {
  config: HandoutPoolConfig;
  queue: Job[];
  slots: Set<Slot>;
  /** workers being started (they count towards `maxWorkers`) */
  starting: Set<Promise<void>>;
  mode: HandoutPoolMode | null;
  inProcessActive: number;
  workersStarted: number;
  /** how long each warm-up render took, for the most recent warmed worker */
  lastWarmUpMs: number[];
  /** counts closings: a start begun before the pool was last closed is abandoned */
  closings: number;
}

/**
 * One pool per process, kept on globalThis: the bundler may give each route its own copy of this
 * module, and the renders of every route share the same two cores.
 */
const stateKey = Symbol.for("physioplan.handoutPool.v2");
const state: PoolState = ((globalThis as Record<symbol, PoolState | undefined>)[stateKey] ??= {
  config: { ...defaults },
  queue: [],
  slots: new Set(),
  starting: new Set(),
  mode: null,
  inProcessActive: 0,
  workersStarted: 0,
  lastWarmUpMs: [],
  closings: 0,
});

// ---------------------------------------------------------------- launching a worker

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
  for (let dir = start; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, relative);
    if (fs.existsSync(candidate)) return candidate;
    if (path.dirname(dir) === dir) return null;
  }
}

type Launch = (workerData: WorkerOptions) => Worker;
const resourceLimits = { maxOldGenerationSizeMb: 512 };

/**
 * Under Next.js the bundler sees this `new Worker(new URL(...))` and compiles worker.ts and
 * its imports into a chunk of their own.
 */
const bundledLaunch: Launch = (workerData) => new Worker(new URL("./worker.ts", import.meta.url), { workerData, resourceLimits });

/**
 * From source (tsx, vitest) Node cannot load TypeScript itself, so a two-line bootstrap
 * registers tsx's loader inside the worker and then imports worker.ts.
 */
function tsxLaunch(folder: string): Launch | null {
  const api = findUp(folder, path.join("node_modules", "tsx", "dist", "esm", "api", "index.mjs"));
  const tsconfig = findUp(folder, "tsconfig.json");
  if (!api || !tsconfig) return null;
  const entry = pathToFileURL(path.join(folder, "worker.ts")).href;
  const bootstrap = [
    `import(${JSON.stringify(pathToFileURL(api).href)})`,
    `.then((tsx) => { tsx.register({ tsconfig: ${JSON.stringify(tsconfig)} }); return import(${JSON.stringify(entry)}); })`,
    `.catch((error) => { setImmediate(() => { throw error; }); });`,
  ].join("");
  return (workerData) => new Worker(bootstrap, { eval: true, execArgv: [], workerData, resourceLimits });
}

/** The ways to start a worker here, the likeliest first (inside Next.js: the bundled worker). */
function launches(): Launch[] {
  const folder = sourceFolder();
  const tsx = folder ? tsxLaunch(folder) : null;
  if (!tsx) return [bundledLaunch];
  return process.env.NEXT_RUNTIME ? [bundledLaunch, tsx] : [tsx, bundledLaunch];
}

/** Starts a worker and waits for it to say it has loaded (and warmed up); rejects if it dies first. */
function startWith(launch: Launch, warmUpRenders: number): Promise<Worker> {
  return new Promise((resolve, reject) => {
    let worker: Worker;
    try {
      worker = launch({ warmUpRenders });
    } catch (error) {
      reject(error instanceof Error ? error : new Error(String(error)));
      return;
    }
    // A worker still starting never keeps the process alive: a server asked to stop stops at once.
    worker.unref();
    const limitMs = 30_000 + 15_000 * warmUpRenders;
    const fail = (error: Error) => {
      cleanup();
      void worker.terminate();
      reject(error);
    };
    const timer = setTimeout(() => fail(new Error(`Handout worker did not start within ${limitMs / 1000} s`)), limitMs);
    const onMessage = (message: WorkerReply) => {
      if (message.type !== "ready") return;
      cleanup();
      if (message.warmUpMs.length > 0) state.lastWarmUpMs = message.warmUpMs;
      resolve(worker);
    };
    const onExit = (code: number) => fail(new Error(`Handout worker exited with code ${code} while starting`));
    function cleanup() {
      clearTimeout(timer);
      worker.off("message", onMessage);
      worker.off("error", fail);
      worker.off("exit", onExit);
    }
    worker.on("message", onMessage);
    worker.on("error", fail);
    worker.on("exit", onExit);
  });
}

let workingLaunch: Launch | null = null;

/** A started worker, or null when no way of starting one works in this runtime. */
async function launchWorker(warmUpRenders: number): Promise<Worker | null> {
  const failures: unknown[] = [];
  for (const launch of workingLaunch ? [workingLaunch, ...launches()] : launches()) {
    try {
      const worker = await startWith(launch, warmUpRenders);
      workingLaunch = launch;
      return worker;
    } catch (error) {
      failures.push(error);
    }
  }
  console.warn("[handout] no render worker could be started; rendering handouts in the server thread", failures);
  return null;
}

// ---------------------------------------------------------------- keeping the workers

/** Starts workers until there are `maxWorkers` (running or starting). */
function fillPool(): Promise<void> {
  const { config } = state;
  if (!config.useWorkers) state.mode = "in-process";
  if (state.mode === "in-process") return Promise.resolve();
  const missing = config.maxWorkers - state.slots.size - state.starting.size;
  // A request waiting with no worker at all takes a cold worker now rather than wait for a warm-up.
  const warmUp = state.slots.size === 0 && state.starting.size === 0 && state.queue.length > 0 ? 0 : config.warmUpRenders;
  for (let i = 0; i < missing; i++) {
    const closings = state.closings;
    const start: Promise<void> = launchWorker(warmUp).then((worker) => {
      state.starting.delete(start);
      if (state.closings !== closings) {
        void worker?.terminate();
        return;
      }
      if (worker) addSlot(worker);
      else state.mode = "in-process";
      pump();
    });
    state.starting.add(start);
  }
  return Promise.all(state.starting).then(() => undefined);
}

function addSlot(worker: Worker): void {
  const slot: Slot = { worker, job: null, timer: null };
  worker.unref();
  worker.on("message", (message: WorkerReply) => {
    const job = slot.job;
    if (message.type === "ready" || !job) return;
    if (slot.timer) clearTimeout(slot.timer);
    slot.job = null;
    slot.timer = null;
    worker.unref();
    if (message.type === "done") {
      job.resolve(Buffer.from(message.pdf.buffer, message.pdf.byteOffset, message.pdf.byteLength));
    } else {
      const error = new Error(message.message);
      error.name = message.name;
      job.reject(error);
    }
    pump();
  });
  worker.on("error", (error) => replace(slot, error));
  worker.on("exit", (code) => replace(slot, new Error(`The handout renderer stopped unexpectedly (exit ${code})`)));
  state.slots.add(slot);
  state.workersStarted++;
  state.mode = "worker";
}

/** Ends a worker that failed (its render, if any, fails with it) and starts its replacement. */
function replace(slot: Slot, error: Error): void {
  if (!state.slots.has(slot)) return;
  state.slots.delete(slot);
  if (slot.timer) clearTimeout(slot.timer);
  slot.job?.reject(error);
  slot.job = null;
  void slot.worker.terminate();
  void fillPool();
  pump();
}

// ---------------------------------------------------------------- dispatch

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
  if (queue.length > 0) void fillPool();
}

function runOnWorker(slot: Slot, job: Job): void {
  slot.job = job;
  slot.worker.ref();
  slot.timer = setTimeout(
    () => replace(slot, new Error(`Handout render took longer than ${state.config.renderTimeoutMs} ms`)),
    state.config.renderTimeoutMs,
  );
  const request: RenderRequest = { snapshot: job.snapshot, options: job.options };
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

// ---------------------------------------------------------------- public API

/**
 * Renders a handout off the request thread. Bad input is rejected here, before it takes a
 * place in the queue, with the zod error the caller can turn into a 400.
 */
export async function renderHandoutPooled(snapshot: PlanSnapshot, options: HandoutOptions): Promise<Buffer> {
  const parsedOptions = handoutOptionsSchema.parse(options);
  const parsedSnapshot = planSnapshotSchema.parse(snapshot);
  const { config, queue } = state;
  if (queue.length >= config.maxQueued) {
    // A warm render takes well under a second: about one second per queued render per worker.
    throw new HandoutQueueFullError(Math.max(1, Math.ceil(queue.length / config.maxWorkers)));
  }
  return new Promise<Buffer>((resolve, reject) => {
    queue.push({ snapshot: parsedSnapshot, options: parsedOptions, resolve, reject });
    pump();
  });
}

/** Starts the pool's workers, warmed up, and resolves when they are ready (or cannot start). */
export function warmHandoutPool(): Promise<void> {
  return fillPool();
}

/** Ends every worker and fails whatever is queued or rendering. Safe to call more than once. */
export async function closeHandoutPool(): Promise<void> {
  state.closings++;
  const starting = [...state.starting];
  state.starting.clear();
  const shutDown = () => new Error("The handout renderer was shut down");
  for (const job of state.queue.splice(0)) job.reject(shutDown());
  const workers = [...state.slots].map((slot) => {
    if (slot.timer) clearTimeout(slot.timer);
    slot.job?.reject(shutDown());
    return slot.worker;
  });
  state.slots.clear();
  if (state.config.useWorkers) state.mode = null;
  await Promise.all(workers.map((worker) => worker.terminate()));
  // Starts under way end their workers themselves when they see the pool was closed.
  await Promise.all(starting);
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
  starting: number;
  workersStarted: number;
  lastWarmUpMs: number[];
  config: HandoutPoolConfig;
} {
  return {
    mode: state.mode,
    workers: state.slots.size,
    busy: [...state.slots].filter((slot) => slot.job).length + state.inProcessActive,
    queued: state.queue.length,
    starting: state.starting.size,
    workersStarted: state.workersStarted,
    lastWarmUpMs: [...state.lastWarmUpMs],
    config: { ...state.config },
  };
}

/** The pool's worker threads (tests: to end one and see it replaced). */
export function handoutPoolWorkers(): Worker[] {
  return [...state.slots].map((slot) => slot.worker);
}
