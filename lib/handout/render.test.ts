import v8 from "node:v8";
import vm from "node:vm";
import zlib from "node:zlib";
import QRCode from "qrcode";
import { beforeAll, describe, expect, test } from "vitest";
import { safetyContent } from "@/lib/catalogue/safety";
import { fixtureItems, fixtureLink, fixturePatientName, fixtureSnapshot } from "./fixture";
import { handoutFileName } from "./file-name";
import { decodeQr, flat, medianWordHeight, pdfImageCount, pdfInfo, pdfPageSizes, pdfText } from "./pdf-tools";
import { countPdfPages, renderHandout, renderHandoutDetailed } from "./render";

const a4 = { link: fixtureLink, paper: "A4", largePrint: false } as const;

/** Text as a reader sees it: wrapped lines joined, and a word broken after its hyphen rejoined. */
function readable(text: string): string {
  return flat(text).replace(/(\p{L})- (?=\p{L})/gu, "$1-");
}

let normal: Buffer;
let normalText: string;

beforeAll(async () => {
  normal = await renderHandout(fixtureSnapshot(), a4);
  normalText = readable(pdfText(normal));
});

describe("renderHandout", () => {
  test("is a PDF with the patient, every exercise and its dose line, the note and the red flags", () => {
    expect(normal.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(normalText).toContain(fixturePatientName);
    expect(normalText).toContain("≤ 5/10");
    expect(normalText).toContain("Priya Shah");
    expect(normalText).toContain("Version 2");
    expect(normalText).toContain("3 March 2026");
    for (const item of fixtureItems()) {
      expect(normalText).toContain(item.name);
      expect(normalText).toContain(item.doseLine);
      for (const step of item.steps) expect(normalText).toContain(step);
    }
    for (const flag of safetyContent.urgent.items) expect(normalText).toContain(flag);
    for (const sign of safetyContent.sameDay.items) expect(normalText).toContain(sign);
    for (const band of safetyContent.painRule.bands) expect(normalText).toContain(band.advice);
    expect(normalText).toContain("Scan to open your plan online");
    expect(normalText).toContain("Pain 0–10");
    for (const day of ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]) expect(normalText).toContain(day);
  });

  test("says what changed since the previous version, and nothing when there is no previous one", async () => {
    expect(normalText).toContain("What changed since version 1");
    expect(normalText).toContain("Glute bridge: dose changed, note changed");
    const first = await renderHandout(fixtureSnapshot({ version: 1, changes: null }), a4);
    expect(readable(pdfText(first))).not.toContain("What changed");
  });

  test("numbers every page as 'Page x of y' with the clinic's phone", () => {
    const { pages } = pdfInfo(normal);
    expect(pages).toBeGreaterThan(2);
    for (let page = 1; page <= pages; page++) {
      const text = flat(pdfText(normal, page));
      expect(text).toContain(`Page ${page} of ${pages}`);
      expect(text).toContain("0161 496 0123");
    }
  });

  test("never splits an exercise across two pages", () => {
    const { pages } = pdfInfo(normal);
    const pageTexts = Array.from({ length: pages }, (_, i) => readable(pdfText(normal, i + 1)));
    for (const item of fixtureItems()) {
      const onPage = pageTexts.findIndex((text) => text.includes(item.doseLine));
      expect(onPage, item.name).toBeGreaterThanOrEqual(0);
      const page = pageTexts[onPage];
      for (const step of item.steps) expect(page, `${item.name}: ${step}`).toContain(step);
      if (item.note) expect(page).toContain(item.note);
    }
  });

  test("the QR code on the first page opens exactly the plan link", () => {
    expect(decodeQr(normal, 1)).toBe(fixtureLink);
  });

  test("embeds its fonts without hinting, which keeps the download small", async () => {
    // Every download of a cached handout moves these bytes: the 12-exercise fixture was 78 KB
    // with the fonts' hinting programs embedded and is about 64 KB without. (The size is judged
    // without the condition education, which adds two pages of text and ~12 KB.)
    const pdf = normal.toString("latin1");
    const fontFiles = [...pdf.matchAll(/\/FontFile2 (\d+) 0 R/g)].map(([, id]) => {
      const object = pdf.indexOf(`\n${id} 0 obj`);
      const start = pdf.indexOf("stream\n", object) + "stream\n".length;
      const font = zlib.inflateSync(normal.subarray(start, pdf.indexOf("endstream", start)));
      return Array.from({ length: font.readUInt16BE(4) }, (_, i) => font.toString("latin1", 12 + i * 16, 16 + i * 16));
    });
    expect(fontFiles).toHaveLength(2);
    for (const tables of fontFiles) {
      expect(tables).toEqual(expect.arrayContaining(["glyf", "loca", "head", "hmtx"]));
      for (const hinting of ["fpgm", "prep", "cvt "]) expect(tables).not.toContain(hinting);
    }
    const withoutEducation = await renderHandout(fixtureSnapshot({ conditions: [], generalEducation: [] }), a4);
    expect(withoutEducation.length).toBeLessThan(70_000);
  });

  test("is A4 by default and US Letter on request, every page", async () => {
    expect(pdfInfo(normal).pageSize).toMatch(/^595\.2\d* x 841\.8\d* pts \(A4\)/);
    expect(new Set(pdfPageSizes(normal))).toEqual(new Set([pdfInfo(normal).pageSize]));
    const letter = await renderHandout(fixtureSnapshot(), { ...a4, paper: "LETTER" });
    expect(pdfInfo(letter).pageSize).toMatch(/^612 x 792 pts \(letter\)/);
    expect(new Set(pdfPageSizes(letter))).toEqual(new Set([pdfInfo(letter).pageSize]));
    expect(decodeQr(letter, 1)).toBe(fixtureLink);
  });

  test("large print: bigger text, more pages, one exercise to a page", async () => {
    const large = await renderHandout(fixtureSnapshot(), { ...a4, largePrint: true });
    const largeInfo = pdfInfo(large);
    expect(largeInfo.pages).toBeGreaterThan(pdfInfo(normal).pages);
    // Body text at 16 pt against 10.5 pt: the typical word is at least half as tall again.
    expect(medianWordHeight(large) / medianWordHeight(normal)).toBeGreaterThan(1.4);
    const pageTexts = Array.from({ length: largeInfo.pages }, (_, i) => readable(pdfText(large, i + 1)));
    const pageOf = fixtureItems().map((item) => pageTexts.findIndex((text) => text.includes(item.doseLine)));
    expect(pageOf.every((page) => page >= 0)).toBe(true);
    expect(new Set(pageOf).size).toBe(pageOf.length);
    expect([...pageOf].sort((a, b) => a - b)).toEqual(pageOf);
    expect(decodeQr(large, 1)).toBe(fixtureLink);
    // The urgent list is taller than a large-print page: it continues in a second box, every sign whole.
    const largeText = readable(pdfText(large));
    for (const flag of safetyContent.urgent.items) expect(largeText).toContain(flag);
    expect(largeText).toContain(`${safetyContent.urgent.heading} (continued)`);
  });

  test("shows clinic, patient and catalogue text literally, never as markup", async () => {
    const items = fixtureItems();
    items[0] = { ...items[0], note: "<b>Not bold</b> & {braces} ${dollar}" };
    const pdf = await renderHandout(fixtureSnapshot({ items, title: "Plan <i>one</i>" }), a4);
    const text = readable(pdfText(pdf));
    expect(text).toContain("<b>Not bold</b> & {braces} ${dollar}");
    expect(text).toContain("Plan <i>one</i>");
  });

  test("embeds the clinic logo only when the snapshot carries one", async () => {
    expect(pdfImageCount(normal)).toBe(0);
    const png = await QRCode.toBuffer("logo", { type: "png", width: 64 });
    const snapshot = fixtureSnapshot();
    const withLogo = await renderHandout(
      { ...snapshot, clinic: { ...snapshot.clinic, logo: { mimeType: "image/png", base64: png.toString("base64") } } },
      a4,
    );
    expect(pdfImageCount(withLogo)).toBe(1);
  });

  test("refuses a logo that is a URL, and a link that is not http(s)", async () => {
    const snapshot = fixtureSnapshot();
    await expect(
      renderHandout(
        {
          ...snapshot,
          clinic: { ...snapshot.clinic, logo: { mimeType: "image/png", base64: "https://tracker.example/logo.png" } },
        },
        a4,
      ),
    ).rejects.toThrow();
    await expect(renderHandout(snapshot, { ...a4, link: "javascript:alert(1)" })).rejects.toThrow(/http/);
  });

  test("draws a placeholder, not a gap, for an exercise without a figure", async () => {
    const items = fixtureItems().map((item) => ({ ...item, figure: null }));
    const text = readable(pdfText(await renderHandout(fixtureSnapshot({ items }), a4)));
    expect(text.match(/No picture for this exercise/g)?.length).toBe(items.length);
  });

  test("measures pages exactly: the planned sheets are the pages rendered, on both papers and both sizes", async () => {
    const png = (await QRCode.toBuffer("logo", { type: "png", width: 64 })).toString("base64");
    const base = fixtureSnapshot();
    const variants = [
      base,
      fixtureSnapshot({ changes: null, notes: null, startDate: null, reviewDate: null, conditions: [] }),
      fixtureSnapshot({
        notes: "Build up slowly. ".repeat(40),
        clinic: { ...base.clinic, logo: { mimeType: "image/png", base64: png }, address: null, website: null },
        items: fixtureItems().map((item) => ({ ...item, note: `${item.name}: keep it smooth and controlled.` })),
      }),
    ];
    for (const snapshot of variants) {
      for (const paper of ["A4", "LETTER"] as const) {
        for (const largePrint of [false, true]) {
          const options = { link: fixtureLink, paper, largePrint };
          const { pdf, plannedPages } = await renderHandoutDetailed(snapshot, options, { verifyPacking: true });
          const pages = pdfInfo(pdf).pages;
          expect(countPdfPages(pdf)).toBe(pages);
          expect(pages, `${paper} ${largePrint ? "large" : "normal"}`).toBe(plannedPages);
        }
      }
    }
  }, 120_000);

  test("renders the same document every time (warm render time is reported; budgets are for npm run bench)", async () => {
    const times: number[] = [];
    const texts: string[] = [];
    for (let i = 0; i < 3; i++) {
      const start = performance.now();
      const pdf = await renderHandout(fixtureSnapshot(), a4);
      times.push(performance.now() - start);
      texts.push(readable(pdfText(pdf)));
    }
    console.log(`handout warm render, 12 exercises: ${times.map(Math.round).join(", ")} ms`);
    for (const text of texts) expect(text).toBe(normalText);
  });
});

describe("renderHandout's memory", () => {
  test("does not keep rendered documents: twenty more renders leave the heap where it was", async () => {
    v8.setFlagsFromString("--expose-gc");
    const gc = vm.runInNewContext("gc") as () => void;
    const heapAfter = async (renders: number) => {
      for (let i = 0; i < renders; i++) await renderHandout(fixtureSnapshot({ version: 100 + i }), a4);
      gc();
      return process.memoryUsage().heapUsed / 2 ** 20;
    };
    const before = await heapAfter(5);
    const after = await heapAfter(20);
    // Each rendered document used to stay reachable from React's root schedule: 1–2 MB a render.
    expect(after - before).toBeLessThan(8);
  }, 120_000);
});

describe("handoutFileName", () => {
  test("slugifies the title to ASCII with the version and variant", () => {
    expect(handoutFileName("Knee plan", 2, false)).toBe("knee-plan-v2.pdf");
    expect(handoutFileName("Knee plan", 2, true)).toBe("knee-plan-v2-large-print.pdf");
    expect(handoutFileName("Zoë's Łódź back & knee — week 1/2", 1, false)).toBe("zoe-s-lodz-back-knee-week-1-2-v1.pdf");
    expect(handoutFileName("   ", 3, false)).toBe("exercise-plan-v3.pdf");
    expect(handoutFileName("膝のプラン", 1, false)).toBe("exercise-plan-v1.pdf");
    expect(handoutFileName("x".repeat(200), 1, false).length).toBeLessThanOrEqual(80);
    expect(handoutFileName("../../etc/passwd", 1, false)).toBe("etc-passwd-v1.pdf");
  });
});
