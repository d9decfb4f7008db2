import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { serialiseLibrary } from "./generate";
import { figureEntries } from "@/lib/figures/library";
import { authoredFigures } from "./library-source";

describe("library.json", () => {
  it("is what library-source.ts generates (run `npx tsx scripts/figures/generate.ts` after editing a figure)", () => {
    const onDisk = readFileSync(path.resolve(import.meta.dirname, "../../lib/figures/library.json"), "utf8");
    expect(onDisk).toBe(serialiseLibrary(authoredFigures));
    // (through JSON, which writes −0 as 0)
    expect(figureEntries).toEqual(JSON.parse(JSON.stringify(authoredFigures)));
  });
});
