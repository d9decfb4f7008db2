// A TrueType font without its hinting: the same outlines, metrics and tables, minus the
// instructions that snap outlines to a low-resolution pixel grid. Hinting matters for small text
// on old screens; a printed handout and today's PDF viewers (which mostly ignore it) gain nothing
// from it, and it was almost half of the bytes of the font subsets embedded in every handout,
// which are a third of the file a patient downloads.
//
// Modifying DejaVu is allowed by its licence (Bitstream Vera terms) as long as the font is not
// named "Bitstream" or "Vera"; its name stays "DejaVu Sans" and its copyright notice stays in the
// name table.

/** Tables that exist only for hinting: programs, control values and per-size device metrics. */
const hintingTables = new Set(["cvt ", "fpgm", "prep", "hdmx", "LTSH", "VDMX", "cvar"]);

/** Composite glyph component flags (OpenType `glyf` table). */
const argsAreWords = 0x0001;
const haveScale = 0x0008;
const moreComponents = 0x0020;
const haveXYScale = 0x0040;
const haveTwoByTwo = 0x0080;
const haveInstructions = 0x0100;

type TableRecord = { tag: string; offset: number; length: number };

function readTables(font: Buffer): Map<string, Buffer> {
  const version = font.readUInt32BE(0);
  if (version !== 0x00010000 && version !== 0x74727565) throw new Error("not a TrueType font");
  const count = font.readUInt16BE(4);
  const records: TableRecord[] = [];
  for (let i = 0; i < count; i++) {
    const at = 12 + i * 16;
    records.push({ tag: font.toString("latin1", at, at + 4), offset: font.readUInt32BE(at + 8), length: font.readUInt32BE(at + 12) });
  }
  return new Map(records.map((record) => [record.tag, font.subarray(record.offset, record.offset + record.length)]));
}

/** One glyph's outline with no instructions. */
function unhintedGlyph(glyph: Buffer): Buffer {
  if (glyph.length === 0) return glyph;
  const contours = glyph.readInt16BE(0);
  if (contours >= 0) {
    // header (10 bytes), endPtsOfContours, instructionLength, instructions, then flags and points
    const lengthAt = 10 + 2 * contours;
    const instructions = glyph.readUInt16BE(lengthAt);
    if (instructions === 0) return glyph;
    const out = Buffer.alloc(glyph.length - instructions);
    glyph.copy(out, 0, 0, lengthAt);
    out.writeUInt16BE(0, lengthAt);
    glyph.copy(out, lengthAt + 2, lengthAt + 2 + instructions);
    return out;
  }
  // A composite: components, then (when the last says so) instructions, which are cut off.
  let at = 10;
  let flags: number;
  const out = Buffer.from(glyph);
  do {
    flags = out.readUInt16BE(at);
    out.writeUInt16BE(flags & ~haveInstructions, at);
    at += 4 + (flags & argsAreWords ? 4 : 2);
    if (flags & haveScale) at += 2;
    else if (flags & haveXYScale) at += 4;
    else if (flags & haveTwoByTwo) at += 8;
  } while (flags & moreComponents);
  return out.subarray(0, at);
}

function checksum(table: Buffer): number {
  let sum = 0;
  const padded = table.length % 4 === 0 ? table : Buffer.concat([table, Buffer.alloc(4 - (table.length % 4))]);
  for (let i = 0; i < padded.length; i += 4) sum = (sum + padded.readUInt32BE(i)) >>> 0;
  return sum;
}

/** The font with every glyph's instructions and the hinting-only tables removed. */
export function unhintedFont(font: Buffer): Buffer {
  const tables = readTables(font);
  const head = Buffer.from(tables.get("head")!);
  const maxp = Buffer.from(tables.get("maxp")!);
  const loca = tables.get("loca");
  const glyf = tables.get("glyf");
  if (!loca || !glyf) throw new Error("not a TrueType-outline font (no glyf table)");
  const longOffsets = head.readInt16BE(50) === 1;
  const glyphCount = maxp.readUInt16BE(4);
  const offsetAt = (i: number) => (longOffsets ? loca.readUInt32BE(i * 4) : loca.readUInt16BE(i * 2) * 2);

  const glyphs: Buffer[] = [];
  const newLoca = Buffer.alloc(loca.length);
  let offset = 0;
  for (let i = 0; i < glyphCount; i++) {
    const glyph = unhintedGlyph(glyf.subarray(offsetAt(i), offsetAt(i + 1)));
    // Short offsets count 2-byte words, so every glyph keeps an even length.
    const padded = glyph.length % 2 === 0 ? glyph : Buffer.concat([glyph, Buffer.alloc(1)]);
    if (longOffsets) newLoca.writeUInt32BE(offset, i * 4);
    else newLoca.writeUInt16BE(offset / 2, i * 2);
    glyphs.push(padded);
    offset += padded.length;
  }
  if (longOffsets) newLoca.writeUInt32BE(offset, glyphCount * 4);
  else newLoca.writeUInt16BE(offset / 2, glyphCount * 2);

  // maxp version 1.0 keeps the limits of the hinting programs: there are none now.
  if (maxp.readUInt32BE(0) === 0x00010000) {
    maxp.writeUInt16BE(1, 14); // maxZones: no twilight zone
    // maxTwilightPoints, maxStorage, maxFunctionDefs, maxInstructionDefs, maxStackElements, maxSizeOfInstructions
    for (const field of [16, 18, 20, 22, 24, 26]) maxp.writeUInt16BE(0, field);
  }
  head.writeUInt32BE(0, 8); // checkSumAdjustment, set below

  const kept = new Map<string, Buffer>();
  for (const [tag, table] of tables) {
    if (hintingTables.has(tag)) continue;
    kept.set(tag, tag === "glyf" ? Buffer.concat(glyphs) : tag === "loca" ? newLoca : tag === "head" ? head : tag === "maxp" ? maxp : table);
  }
  return writeFont(font.readUInt32BE(0), kept);
}

function writeFont(version: number, tables: Map<string, Buffer>): Buffer {
  const tags = [...tables.keys()].sort();
  const count = tags.length;
  const power = 2 ** Math.floor(Math.log2(count));
  const directory = Buffer.alloc(12 + 16 * count);
  directory.writeUInt32BE(version, 0);
  directory.writeUInt16BE(count, 4);
  directory.writeUInt16BE(power * 16, 6);
  directory.writeUInt16BE(Math.log2(power), 8);
  directory.writeUInt16BE(count * 16 - power * 16, 10);
  const parts: Buffer[] = [directory];
  let offset = directory.length;
  let headOffset = 0;
  tags.forEach((tag, i) => {
    const table = tables.get(tag)!;
    const at = 12 + i * 16;
    directory.write(tag, at, 4, "latin1");
    directory.writeUInt32BE(checksum(table), at + 4);
    directory.writeUInt32BE(offset, at + 8);
    directory.writeUInt32BE(table.length, at + 12);
    if (tag === "head") headOffset = offset;
    const padding = (4 - (table.length % 4)) % 4;
    parts.push(table, Buffer.alloc(padding));
    offset += table.length + padding;
  });
  const out = Buffer.concat(parts);
  out.writeUInt32BE((0xb1b0afba - checksum(out)) >>> 0, headOffset + 8);
  return out;
}
