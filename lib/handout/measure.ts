// Measures wrapped text with the handout font's real glyph widths, so the document can be
// split into pages before react-pdf lays it out. react-pdf's own pagination re-lays out the
// whole remaining document at every page break (and again for "Page x of y"), which made a
// 12-exercise handout take three times as long as laying out pre-packed pages.
import { BoundedCache } from "@/lib/cache/bounded-cache";
import { loadHandoutFont, type HandoutFont } from "./fonts";

export interface Run {
  text: string;
  bold?: boolean;
}

export interface Measurer {
  /** Lines the runs wrap to in `width` points at `size` points. */
  lines(runs: Run[] | string, width: number, size: number): number;
  /** Width of a single line of text. */
  width(text: string, size: number, bold?: boolean): number;
}

let shared: Promise<Measurer> | null = null;

/** One measurer per process: glyph widths never change, so word widths are cached for good. */
export function handoutMeasurer(): Promise<Measurer> {
  shared ??= (async () => {
    const [regular, bold] = await Promise.all([loadHandoutFont(400), loadHandoutFont(700)]);
    return createMeasurer(regular, bold);
  })();
  return shared;
}

const maxCachedWords = 20_000;

function createMeasurer(regular: HandoutFont, bold: HandoutFont): Measurer {
  const caches = [new BoundedCache<string, number>(maxCachedWords), new BoundedCache<string, number>(maxCachedWords)];
  /** Advance width of `text` in em. */
  const em = (text: string, isBold: boolean): number => {
    const cache = caches[isBold ? 1 : 0];
    const value = cache.get(text);
    if (value !== undefined) return value;
    const font = isBold ? bold : regular;
    return cache.set(text, font.layout(text).advanceWidth / font.unitsPerEm);
  };
  const spaceEm = [em(" ", false), em(" ", true)];

  return {
    width(text, size, isBold = false) {
      return em(text, isBold) * size;
    },
    lines(input, width, size) {
      const runs = typeof input === "string" ? [{ text: input }] : input;
      // Words in order, each with its width and the width of the space before it.
      const words: { w: number; space: number; breakBefore: boolean }[] = [];
      let pendingSpace = 0;
      let glued = false;
      for (const run of runs) {
        const isBold = run.bold === true;
        const parts = run.text.split(/( +|\n)/);
        for (const part of parts) {
          if (part === "") continue;
          if (part === "\n") {
            words.push({ w: 0, space: 0, breakBefore: true });
            pendingSpace = 0;
            glued = false;
            continue;
          }
          if (part.startsWith(" ")) {
            pendingSpace += spaceEm[isBold ? 1 : 0] * part.length * size;
            glued = false;
            continue;
          }
          const w = em(part, isBold) * size;
          const last = words[words.length - 1];
          if (glued && last) {
            // A run boundary inside a word ("Tip:" bold then text without a space) joins the pieces.
            last.w += w;
          } else {
            words.push({ w, space: pendingSpace, breakBefore: false });
          }
          pendingSpace = 0;
          glued = true;
        }
      }
      let lines = 1;
      let used = 0;
      let lineStart = true;
      for (const word of words) {
        if (word.breakBefore) {
          lines++;
          used = 0;
          lineStart = true;
          continue;
        }
        if (lineStart) {
          used = word.w;
          lineStart = false;
        } else if (used + word.space + word.w <= width + 0.01) {
          used += word.space + word.w;
        } else {
          lines++;
          used = word.w;
        }
      }
      return lines;
    },
  };
}
