// Test helpers: read rendered handouts back with poppler and zbar, as a person's viewer would.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

function withTempPdf<T>(pdf: Buffer, fn: (file: string, dir: string) => T): T {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "handout-"));
  const file = path.join(dir, "handout.pdf");
  fs.writeFileSync(file, pdf);
  try {
    return fn(file, dir);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The text of the whole document, or of one page (1-based). */
export function pdfText(pdf: Buffer, page?: number): string {
  return withTempPdf(pdf, (file) => {
    const range = page === undefined ? [] : ["-f", String(page), "-l", String(page)];
    return execFileSync("pdftotext", ["-enc", "UTF-8", ...range, file, "-"], { encoding: "utf8" });
  });
}

/** Collapses line breaks and runs of spaces, so wrapped sentences compare with their source. */
export function flat(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

export function pdfInfo(pdf: Buffer): { pages: number; pageSize: string } {
  const info = withTempPdf(pdf, (file) => execFileSync("pdfinfo", [file], { encoding: "utf8" }));
  const pages = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
  const pageSize = /^Page size:\s+(.+)$/m.exec(info)?.[1]?.trim() ?? "";
  return { pages, pageSize };
}

/** Images drawn in the document (an image's transparency mask is not counted separately). */
/** The size line of every page, e.g. "595.28 x 841.89 pts (A4)". */
export function pdfPageSizes(pdf: Buffer): string[] {
  const info = withTempPdf(pdf, (file) => execFileSync("pdfinfo", ["-f", "1", "-l", "9999", file], { encoding: "utf8" }));
  return [...info.matchAll(/^Page\s+\d+ size:\s+(.+)$/gm)].map((match) => match[1].trim());
}

export function pdfImageCount(pdf: Buffer): number {
  const list = withTempPdf(pdf, (file) => execFileSync("pdfimages", ["-list", file], { encoding: "utf8" }));
  return list
    .trim()
    .split("\n")
    .slice(2)
    .filter((row) => row.trim().split(/\s+/)[2] === "image").length;
}

/** Median height of the words on the pages, in points: a proxy for the body text size. */
export function medianWordHeight(pdf: Buffer): number {
  const html = withTempPdf(pdf, (file) => execFileSync("pdftotext", ["-bbox", file, "-"], { encoding: "utf8" }));
  const heights = [...html.matchAll(/<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">/g)]
    .map((match) => Number(match[2]) - Number(match[1]))
    .sort((a, b) => a - b);
  return heights[Math.floor(heights.length / 2)] ?? 0;
}

/** Rasterises one page at 150 dpi and returns what zbarimg decodes from it. */
export function decodeQr(pdf: Buffer, page = 1): string {
  return withTempPdf(pdf, (file, dir) => {
    const prefix = path.join(dir, "page");
    execFileSync("pdftoppm", ["-r", "150", "-png", "-f", String(page), "-l", String(page), "-singlefile", file, prefix]);
    return execFileSync("zbarimg", ["--raw", "-q", `${prefix}.png`], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
    }).replace(/\n$/, "");
  });
}

/** Writes PNGs of every page (for looking at the layout by eye). */
export function renderPages(pdf: Buffer, outDir: string, prefix: string, dpi = 60): string[] {
  fs.mkdirSync(outDir, { recursive: true });
  const file = path.join(outDir, `${prefix}.pdf`);
  fs.writeFileSync(file, pdf);
  execFileSync("pdftoppm", ["-png", "-r", String(dpi), file, path.join(outDir, prefix)]);
  return fs
    .readdirSync(outDir)
    .filter((name) => name.startsWith(`${prefix}-`) && name.endsWith(".png"))
    .sort()
    .map((name) => path.join(outDir, name));
}

export interface PdfLink {
  /** 1-based page number */
  page: number;
  uri: string;
  /** the clickable area, [x1, y1, x2, y2] in points from the page's bottom left */
  rect: number[];
}

/** Every URI link annotation in the document, as qpdf reads the file's objects. */
export function pdfLinks(pdf: Buffer): PdfLink[] {
  const json = withTempPdf(pdf, (file) =>
    execFileSync("qpdf", ["--json=2", "--json-key=pages", "--json-key=qpdf", "--decode-level=none", file], {
      encoding: "utf8",
      maxBuffer: 64 * 2 ** 20,
    }),
  );
  const parsed = JSON.parse(json) as {
    pages: { object: string; pageposfrom1: number }[];
    qpdf: [unknown, Record<string, { value?: Record<string, unknown> }>];
  };
  const objects = parsed.qpdf[1];
  const value = (ref: unknown): Record<string, unknown> | undefined =>
    typeof ref === "string" ? objects[`obj:${ref}`]?.value : (ref as Record<string, unknown> | undefined);
  // qpdf writes PDF strings as "u:<text>" (or "b:<hex>" for bytes that are not text).
  const text = (raw: unknown) => (typeof raw === "string" && raw.startsWith("u:") ? raw.slice(2) : String(raw));
  const links: PdfLink[] = [];
  for (const page of parsed.pages) {
    const annots = value(page.object)?.["/Annots"];
    const list = (Array.isArray(annots) ? annots : (value(annots) as unknown as unknown[] | undefined)) ?? [];
    for (const ref of list) {
      const annot = value(ref);
      if (annot?.["/Subtype"] !== "/Link") continue;
      const action = value(annot["/A"]);
      if (action?.["/S"] !== "/URI") continue;
      links.push({ page: page.pageposfrom1, uri: text(action["/URI"]), rect: (annot["/Rect"] as number[]).map(Number) });
    }
  }
  return links;
}

/** Words on a page with their boxes (points from the top left), as pdftotext -bbox finds them. */
export function pdfWords(pdf: Buffer, page: number): { text: string; xMin: number; yMin: number; xMax: number; yMax: number }[] {
  const html = withTempPdf(pdf, (file) =>
    execFileSync("pdftotext", ["-bbox", "-f", String(page), "-l", String(page), file, "-"], { encoding: "utf8" }),
  );
  return [...html.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((match) => ({
    xMin: Number(match[1]),
    yMin: Number(match[2]),
    xMax: Number(match[3]),
    yMax: Number(match[4]),
    text: match[5].replace(/&amp;/g, "&").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"'),
  }));
}
