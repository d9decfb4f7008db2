// Registers the handout font once per process (or worker): DejaVu Sans from npm, because
// the built-in Helvetica drops characters outside Latin-1 (Ł, ő, ≤ ...).
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Font } from "@react-pdf/renderer";

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

export function registerHandoutFonts(): void {
  if (registered) return;
  const dir = fontDirectory();
  Font.register({
    family: handoutFontFamily,
    fonts: [
      { src: path.join(dir, fontFiles.regular), fontWeight: 400 },
      { src: path.join(dir, fontFiles.bold), fontWeight: 700 },
      { src: path.join(dir, fontFiles.italic), fontWeight: 400, fontStyle: "italic" },
    ],
  });
  // Words are never split: a patient reading "hamstring" should not meet "ham-string".
  Font.registerHyphenationCallback((word) => [word]);
  registered = true;
}
