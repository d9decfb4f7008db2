// The figure files the patient page links to, at /figures/<hash>.svg. A file is named by the hash
// of its content, so it never changes and a browser may keep it for good. Files are stored in
// Postgres when a page that shows them is first rendered, so any server instance can serve any of
// them. They are not scoped by clinic: a figure is a drawing of a pose with no patient's or clinic's
// details in it, and only someone who was shown the page knows its name.
import "server-only";
import { eq } from "drizzle-orm";
import { db as defaultDb, type Executor } from "@/db/client";
import { figureImages } from "@/db/schema";
import type { FigureFile } from "@/lib/figures/svg-file";
import { BoundedCache } from "@/lib/cache/bounded-cache";

export const figureFileName = /^([0-9a-f]{64})\.svg$/;

/** Files recently stored or served by this process: most requests never reach Postgres. */
const recent = new BoundedCache<string, string>(500);

export function figureImagePath(file: Pick<FigureFile, "hash">): string {
  return `/figures/${file.hash}.svg`;
}

/** Makes the files servable; storing one that is already stored does nothing. */
export async function storeFigureImages(files: FigureFile[], executor: Executor = defaultDb): Promise<void> {
  const missing = new Map(files.filter((file) => !recent.has(file.hash)).map((file) => [file.hash, file]));
  if (missing.size === 0) return;
  await executor
    .insert(figureImages)
    .values([...missing.values()].map(({ hash, svg }) => ({ hash, svg })))
    .onConflictDoNothing();
  for (const file of missing.values()) recent.set(file.hash, file.svg);
}

/** The SVG named `hash`, or null when no page ever showed it. */
export async function getFigureImage(hash: string, executor: Executor = defaultDb): Promise<string | null> {
  const cached = recent.get(hash);
  if (cached) return cached;
  const [row] = await executor.select({ svg: figureImages.svg }).from(figureImages).where(eq(figureImages.hash, hash));
  if (!row) return null;
  return recent.set(hash, row.svg);
}
