// Writes lib/figures/library.json (what the app reads) from library-source.ts:  npx tsx scripts/figures/generate.ts
import { writeFileSync } from "node:fs";
import path from "node:path";
import { authoredFigures } from "./library-source";

/** One figure per line, so a change to one exercise is a one-line diff. */
export function serialiseLibrary(entries: readonly { slug: string; name: string; spec: unknown }[]): string {
  return `[\n${entries.map((e) => JSON.stringify(e)).join(",\n")}\n]\n`;
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.dirname, "generate.ts")) {
  const out = path.resolve(import.meta.dirname, "../../lib/figures/library.json");
  writeFileSync(out, serialiseLibrary(authoredFigures));
  console.log(`wrote ${authoredFigures.length} figures to ${out}`);
}
