import fs from "node:fs";
import path from "node:path";
import * as fontkit from "fontkit";
import { describe, expect, test } from "vitest";
import { unhintedFont } from "./unhinted-font";

const fontDir = path.join(process.cwd(), "node_modules", "dejavu-fonts-ttf", "ttf");

/** What fontkit exposes of a TrueType glyph's decoded data (not in its published types). */
type DecodedGlyph = { numberOfContours: number; instructions?: number[] } | null;
const decoded = (glyph: fontkit.Glyph) => (glyph as unknown as { _decode(): DecodedGlyph })._decode();

function tableTags(font: Buffer): string[] {
  const count = font.readUInt16BE(4);
  return Array.from({ length: count }, (_, i) => font.toString("latin1", 12 + i * 16, 16 + i * 16));
}

/** The sum of a font file's 32-bit words: 0xB1B0AFBA when head.checkSumAdjustment is right. */
function wholeFontSum(font: Buffer): number {
  const padded = Buffer.concat([font, Buffer.alloc((4 - (font.length % 4)) % 4)]);
  let sum = 0;
  for (let i = 0; i < padded.length; i += 4) sum = (sum + padded.readUInt32BE(i)) >>> 0;
  return sum;
}

/** Composite glyphs whose components say instructions follow (fontkit does not read those). */
function compositesWithInstructions(font: Buffer): number {
  const tables = new Map(tableTags(font).map((tag, i) => [tag, font.readUInt32BE(12 + i * 16 + 8)]));
  const longOffsets = font.readInt16BE(tables.get("head")! + 50) === 1;
  const glyphCount = font.readUInt16BE(tables.get("maxp")! + 4);
  const loca = tables.get("loca")!;
  const glyf = tables.get("glyf")!;
  const offset = (id: number) => glyf + (longOffsets ? font.readUInt32BE(loca + id * 4) : font.readUInt16BE(loca + id * 2) * 2);
  let count = 0;
  for (let id = 0; id < glyphCount; id++) {
    if (offset(id) === offset(id + 1) || font.readInt16BE(offset(id)) >= 0) continue;
    let at = offset(id) + 10;
    let flags: number;
    let instructed = false;
    do {
      flags = font.readUInt16BE(at);
      instructed ||= (flags & 0x0100) !== 0;
      at += 4 + (flags & 0x0001 ? 4 : 2) + (flags & 0x0008 ? 2 : flags & 0x0040 ? 4 : flags & 0x0080 ? 8 : 0);
    } while (flags & 0x0020);
    if (instructed) count++;
  }
  return count;
}

describe.each(["DejaVuSans.ttf", "DejaVuSans-Bold.ttf"])("unhintedFont(%s)", (file) => {
  const original = fs.readFileSync(path.join(fontDir, file));
  const unhinted = unhintedFont(original);
  const before = fontkit.create(original) as fontkit.Font;
  const after = fontkit.create(unhinted) as fontkit.Font;

  test("keeps every glyph's outline and advance, and the names", () => {
    expect(after.numGlyphs).toBe(before.numGlyphs);
    for (let id = 0; id < before.numGlyphs; id++) {
      const [a, b] = [before.getGlyph(id), after.getGlyph(id)];
      expect(b.path.toSVG(), `glyph ${id}`).toBe(a.path.toSVG());
      expect(b.advanceWidth, `glyph ${id}`).toBe(a.advanceWidth);
    }
    expect(after.familyName).toBe(before.familyName);
    expect(after.copyright).toBe(before.copyright);
    // The text a handout prints, shaped (kerning and ligatures) exactly as before.
    const text = "Zoë Łukasiewicz-Núñez · pain ≤ 5/10 · 3 × 10 reps, hold 5 s";
    expect(after.layout(text).positions).toEqual(before.layout(text).positions);
    expect(after.layout(text).glyphs.map((glyph) => glyph.id)).toEqual(before.layout(text).glyphs.map((glyph) => glyph.id));
  });

  test("has no instructions and no hinting tables, and is a well-formed font file", () => {
    expect(tableTags(original)).toEqual(expect.arrayContaining(["fpgm", "prep", "cvt "]));
    for (const tag of ["fpgm", "prep", "cvt ", "hdmx", "LTSH", "VDMX"]) expect(tableTags(unhinted)).not.toContain(tag);
    let hinted = 0;
    let composites = 0;
    for (let id = 0; id < after.numGlyphs; id++) {
      const glyph = decoded(after.getGlyph(id));
      if (glyph && glyph.numberOfContours < 0) composites++;
      if (glyph?.instructions?.length) hinted++;
    }
    expect(hinted).toBe(0);
    expect(composites).toBeGreaterThan(100);
    expect(compositesWithInstructions(original)).toBeGreaterThan(50);
    expect(compositesWithInstructions(unhinted)).toBe(0);
    expect(wholeFontSum(unhinted)).toBe(0xb1b0afba);
    expect(unhinted.length).toBeLessThan(original.length * 0.95);
  });
});

test("refuses what is not a TrueType font", () => {
  expect(() => unhintedFont(Buffer.from("wOF2 not a font at all"))).toThrow(/not a TrueType font/);
});
