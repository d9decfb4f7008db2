// Registers the handout font once per process (or worker): DejaVu Sans from npm, because
// the built-in Helvetica drops characters outside Latin-1 (Ł, ő, ≤ ...). Loading it here also
// keeps the text react-pdf shapes, so a string shaped once is not shaped again (see below).
// The fonts are handed over without their hinting (see unhinted-font.ts): a smaller download.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Font } from "@react-pdf/renderer";
import { BoundedCache } from "@/lib/cache/bounded-cache";
import { unhintedFont } from "./unhinted-font";

export const handoutFontFamily = "DejaVu Sans";

const fontFiles = {
  regular: "DejaVuSans.ttf",
  bold: "DejaVuSans-Bold.ttf",
  italic: "DejaVuSans-Oblique.ttf",
} as const;

/**
 * The font package's folder. The working directory is the app root under `npm start`,
 * tsx and vitest; walking up from this module covers a server started elsewhere.
 */
function fontDirectory(): string {
  const starts = [process.cwd()];
  try {
    starts.push(path.dirname(fileURLToPath(import.meta.url)));
  } catch {
    // import.meta.url is not a file URL inside some bundles; the working directory remains.
  }
  for (const start of starts) {
    let dir = start;
    for (;;) {
      const candidate = path.join(dir, "node_modules", "dejavu-fonts-ttf", "ttf");
      if (fs.existsSync(path.join(candidate, fontFiles.regular))) return candidate;
      const parent = path.dirname(dir);
      if (parent === dir) break;
      dir = parent;
    }
  }
  throw new Error("Handout font not found: the dejavu-fonts-ttf package is missing from node_modules");
}

let registered = false;

/** A font file as react-pdf takes one from memory: a base64 data URL. */
function unhintedSource(dir: string, file: string): string {
  // The files are found at run time in node_modules (not bundled): the comment keeps Turbopack's
  // file tracer from guessing at this path and tracing the whole project.
  const font = unhintedFont(fs.readFileSync(path.join(/* turbopackIgnore: true */ dir, file)));
  return `data:font/ttf;base64,${font.toString("base64")}`;
}

export function registerHandoutFonts(): void {
  if (registered) return;
  const dir = fontDirectory();
  Font.register({
    family: handoutFontFamily,
    fonts: [
      { src: unhintedSource(dir, fontFiles.regular), fontWeight: 400 },
      { src: unhintedSource(dir, fontFiles.bold), fontWeight: 700 },
      { src: unhintedSource(dir, fontFiles.italic), fontWeight: 400, fontStyle: "italic" },
    ],
  });
  // Words are never split: a patient reading "hamstring" should not meet "ham-string".
  Font.registerHyphenationCallback((word) => [word]);
  registered = true;
}

interface GlyphRun {
  advanceWidth: number;
}

/** The fontkit font react-pdf loads for a registered source (the parts used here). */
interface FontkitFont {
  unitsPerEm: number;
  layout(text: string, features?: unknown, script?: string, language?: string, direction?: string): GlyphRun;
}

/** A handout font for measuring text: the font's own shaping, uncached (the measurer caches words). */
export interface HandoutFont {
  unitsPerEm: number;
  layout(text: string): GlyphRun;
}

/** Characters of shaped text kept per font: a few MB, and many handouts' worth of repeated text. */
const shapedCharactersKept = 100_000;
/** Each font's own, uncached shaping, by the font it was taken from. */
const uncached = new WeakMap<FontkitFont, FontkitFont["layout"]>();

/**
 * react-pdf shapes every run of text with fontkit (kerning and the font's other OpenType
 * lookups) on every render, and shaping was an eighth of a handout's render time. The same
 * strings come back in every handout (headings, the safety advice, the pain guide, the tick
 * chart) and every exercise's steps come from the catalogue, so the shaped result of a string
 * is kept and handed out again. It is the same object fontkit would have built again: react-pdf
 * copies the positions it scales and never changes the glyph list, and fontkit keeps one object
 * per glyph anyway. The cache lives on the font object react-pdf loaded for this process.
 */
function keepShapedText(font: FontkitFont): FontkitFont["layout"] {
  const existing = uncached.get(font);
  if (existing) return existing;
  const shape = font.layout.bind(font);
  uncached.set(font, shape);
  const runs = new BoundedCache<string, GlyphRun>(shapedCharactersKept, (_run, key) => key.length);
  font.layout = (text, features, script, language, direction) => {
    const key = `${direction ?? ""}|${script ?? ""}|${language ?? ""}|${features === undefined ? "" : JSON.stringify(features)}|${text}`;
    return runs.get(key) ?? runs.set(key, shape(text, features, script, language, direction));
  };
  return shape;
}

/** A number for each distinct name table's JSON: equal numbers, equal tables. */
const nameTableNumbers = new Map<string, number>();

/**
 * Before every run of text it draws, react-pdf hands pdfkit the font, and pdfkit checks it is
 * the one already embedded by JSON-serialising the font's name table (copyright and licence
 * text included, 6 KB) twice: 5% of a render. The table never changes, so it serialises as a
 * number given to its JSON once: two tables still compare equal exactly when their JSON does.
 */
function serialiseNameTableOnce(font: FontkitFont): void {
  const records = (font as { name?: { records?: object } }).name?.records;
  if (!records || Object.hasOwn(records, "toJSON")) return;
  const json = JSON.stringify(records);
  let number = nameTableNumbers.get(json);
  if (number === undefined) {
    number = nameTableNumbers.size + 1;
    nameTableNumbers.set(json, number);
  }
  const serialised = number;
  Object.defineProperty(records, "toJSON", { value: () => serialised });
}

/** Loads one weight of the handout font (once per process) and returns it for measuring. */
export async function loadHandoutFont(fontWeight: 400 | 700): Promise<HandoutFont> {
  registerHandoutFonts();
  const descriptor = { fontFamily: handoutFontFamily, fontWeight, fontStyle: "normal" as const };
  await Font.load(descriptor);
  const font = (Font.getFont(descriptor) as unknown as { data: FontkitFont | null } | null)?.data;
  if (!font) throw new Error(`Handout font ${handoutFontFamily} ${fontWeight} did not load`);
  const shape = keepShapedText(font);
  serialiseNameTableOnce(font);
  return { unitsPerEm: font.unitsPerEm, layout: (text) => shape(text) };
}
