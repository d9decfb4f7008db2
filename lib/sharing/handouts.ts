// Serving handout PDFs: bytes are cached per issued version and variant in Postgres. The first
// request renders (in the bounded render pool), later ones read the row.
import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { db as defaultDb, type Executor } from "@/db/client";
import { handoutFiles } from "@/db/schema";
import { BoundedCache } from "@/lib/cache/bounded-cache";
import { handoutFileName } from "@/lib/handout/file-name";
import { HandoutQueueFullError, renderHandoutPooled } from "@/lib/handout/pool";
import type { PlanSnapshot } from "@/lib/plans/snapshot";
import { busyResponse, pdfResponse } from "./responses";

export const handoutVariants = {
  a4: { paper: "A4", largePrint: false },
  "a4-large": { paper: "A4", largePrint: true },
  letter: { paper: "LETTER", largePrint: false },
  "letter-large": { paper: "LETTER", largePrint: true },
} as const;
export type HandoutVariant = keyof typeof handoutVariants;

/** `?large=1&paper=letter` as a download URL carries it; anything else is a 400. */
export const handoutQuerySchema = z.object({
  large: z.enum(["0", "1", "true", "false"]).optional(),
  paper: z.enum(["a4", "A4", "letter", "LETTER"]).optional(),
  version: z.coerce.number().int().min(1).max(100_000).optional(),
});

/** `defaultPaper` is the clinic's, as the version was issued: it applies when the query names no paper. */
export function variantOf(query: z.infer<typeof handoutQuerySchema>, defaultPaper: "A4" | "LETTER" = "A4"): HandoutVariant {
  const large = query.large === "1" || query.large === "true";
  const letter = (query.paper ?? defaultPaper).toLowerCase() === "letter";
  return `${letter ? "letter" : "a4"}${large ? "-large" : ""}` as HandoutVariant;
}

export type HandoutFile = { pdf: Buffer; fileName: string };

type HandoutInput = {
  versionId: string;
  clinicId: string;
  linkId: string;
  snapshot: PlanSnapshot;
  variant: HandoutVariant;
  /** The patient link the QR code opens, or a function making it: only a render needs it. */
  link: string | (() => string);
};

/** Renders under way in this process: concurrent first requests for one variant wait for one render. */
const inFlight = new Map<string, Promise<Buffer>>();

/**
 * A small in-process copy in front of Postgres, so a repeat download does not pull the bytes out
 * of the database again. Keyed by the link the QR code points to as well: a replaced link misses.
 * Postgres stays the cache every instance shares.
 */
const recentMaxBytes = 48 * 1024 * 1024;
const recent = new BoundedCache<string, HandoutFile>(recentMaxBytes, (file) => file.pdf.length);

function remember(key: string, file: HandoutFile): HandoutFile {
  return file.pdf.length > recentMaxBytes / 8 ? file : recent.set(key, file);
}

/** Drops erased versions' PDFs from this process's copy (the database rows go with the erase). */
export function forgetCachedHandouts(versionIds: string[]): void {
  const erased = new Set(versionIds);
  for (const key of [...recent.keys()]) if (erased.has(key.slice(0, key.indexOf(":")))) recent.delete(key);
}

/**
 * The PDF of one issued version in one variant, from the cache or rendered now. `linkId` is the
 * link the QR code points to: a render is stored only while that link is still live, so a render
 * racing a "replace link" cannot leave the old QR code in the cache.
 */
export async function handoutPdf(
  input: HandoutInput,
  executor: Executor = defaultDb,
): Promise<HandoutFile> {
  const { versionId, variant, snapshot } = input;
  const key = `${versionId}:${variant}:${input.linkId}`;
  const inMemory = recent.get(key);
  if (inMemory) return inMemory;
  const fileName = handoutFileName(snapshot.title, snapshot.version, handoutVariants[variant].largePrint);
  const [cached] = await executor
    .select({ pdf: handoutFiles.pdf })
    .from(handoutFiles)
    .where(and(eq(handoutFiles.planVersionId, versionId), eq(handoutFiles.variant, variant)));
  if (cached) return remember(key, { pdf: cached.pdf, fileName });

  let render = inFlight.get(key);
  if (!render) {
    render = renderAndStore(input, executor).finally(() => inFlight.delete(key));
    inFlight.set(key, render);
  }
  return remember(key, { pdf: await render, fileName });
}

async function renderAndStore(input: HandoutInput, executor: Executor): Promise<Buffer> {
  const { paper, largePrint } = handoutVariants[input.variant];
  const link = typeof input.link === "function" ? input.link() : input.link;
  const pdf = await renderHandoutPooled(input.snapshot, { link, paper, largePrint });
  // Two instances rendering the same variant at once both store; the second insert does nothing.
  await executor.execute(sql`
    insert into handout_files (plan_version_id, variant, clinic_id, pdf)
    select ${input.versionId}, ${input.variant}, ${input.clinicId}, ${pdf}
    where exists (select 1 from share_links where id = ${input.linkId} and revoked_at is null)
    on conflict do nothing`);
  // One line per render: with several instances, the log shows which one rendered a handout.
  console.log(`handout rendered: version ${input.versionId} ${input.variant}`);
  return pdf;
}

/**
 * The handout as a download (`served` runs once the file is there, before it is sent), or a 503 saying
 * when to come back when the render queue is full.
 */
export async function handoutResponse(input: HandoutInput, served?: () => Promise<unknown>): Promise<Response> {
  let file: HandoutFile;
  try {
    file = await handoutPdf(input);
  } catch (error) {
    if (error instanceof HandoutQueueFullError) return busyResponse(error.retryAfterSeconds);
    throw error;
  }
  await served?.();
  return pdfResponse(file);
}
