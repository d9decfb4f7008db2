// The built-in exercise figures, one per catalogue slug (docs/CATALOGUE-SLUGS.md).
// The numbers live in library.json, generated from library-source.ts (see there); this file only
// validates and serves them.
import { z } from "zod";
import data from "./library.json";
import { figureSpecSchema, type FigureSpec } from "./model";

const entrySchema = z.object({ slug: z.string().min(1), name: z.string().min(1), spec: figureSpecSchema });

export interface FigureEntry {
  slug: string;
  /** the exercise's name, for captions and accessible titles */
  name: string;
  spec: FigureSpec;
}

/** Every built-in figure, in catalogue order. */
export const figureEntries: readonly FigureEntry[] = z.array(entrySchema).parse(data);

export const figureLibrary: Record<string, FigureSpec> = Object.fromEntries(figureEntries.map((e) => [e.slug, e.spec]));

export function getFigure(slug: string): FigureSpec | undefined {
  return Object.hasOwn(figureLibrary, slug) ? figureLibrary[slug] : undefined;
}
