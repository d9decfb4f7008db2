// Contract tests for the places the handout reaches into its libraries (lib/handout/fonts.ts and
// render.tsx). Each patch is written for the versions pinned below; when an update changes what a
// patch relies on, a test here fails and names the patch to measure again or remove
// (docs/BENCHMARKS.md, "What each handout patch buys").
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { Document, Font, Page, Text, pdf } from "@react-pdf/renderer";
import { createElement } from "react";
import { describe, expect, test } from "vitest";
import { handoutFontFamily, loadHandoutFont, registerHandoutFonts } from "./fonts";

const root = path.resolve(import.meta.dirname, "../..");
const require = createRequire(path.join(root, "package.json"));

/** The installed version of a package, as the app resolves it. */
function installed(name: string): string {
  return (JSON.parse(fs.readFileSync(path.join(root, "node_modules", name, "package.json"), "utf8")) as { version: string }).version;
}

/** The versions the patches were written and measured against. */
const pinned = { "@react-pdf/renderer": "4.9.0", "@react-pdf/font": "4.1.2", "@react-pdf/textkit": "7.0.1", fontkit: "2.0.4", pdfkit: "0.20.1" };

test("the libraries the handout patches are installed at the versions the patches were written for", () => {
  for (const [name, version] of Object.entries(pinned)) expect(`${name}@${installed(name)}`).toBe(`${name}@${version}`);
  const manifest = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")) as { dependencies: Record<string, string> };
  // An exact version, not a range: an update arrives only as a reviewed change to this file.
  expect(manifest.dependencies["@react-pdf/renderer"]).toBe(pinned["@react-pdf/renderer"]);
});

describe("fontkit, as fonts.ts patches it", () => {
  test("textkit shapes every run through font.layout(text, features, script, language, direction): the shaped-text cache's key", () => {
    const textkit = fs.readFileSync(require.resolve("@react-pdf/textkit"), "utf8");
    expect(textkit).toMatch(/\.layout\(runString, features, undefined, undefined, 'ltr'\)/);
  });

  test("pdfkit compares fonts by the JSON of their name table's records: the serialise-once patch", () => {
    // The build react-pdf imports under Node (pdfkit's "exports": node + import).
    const pdfkit = fs.readFileSync(path.join(root, "node_modules/pdfkit/js/pdfkit.node.mjs"), "utf8");
    expect(pdfkit).toContain("JSON.stringify(font1.font._tables?.name?.records) !== JSON.stringify(font2.font._tables?.name?.records)");
  });

  test("a loaded font is the fontkit object the patches change, and is changed as they expect", async () => {
    registerHandoutFonts();
    const descriptor = { fontFamily: handoutFontFamily, fontWeight: 400, fontStyle: "normal" as const };
    await Font.load(descriptor);
    const font = (Font.getFont(descriptor) as unknown as { data: Record<string, unknown> & { name: { records: object } } }).data;
    const prototype = Object.getPrototypeOf(font) as object;
    expect(typeof (prototype as { layout?: unknown }).layout).toBe("function");
    expect(typeof font.name.records).toBe("object");

    const measured = await loadHandoutFont(400);
    // The units-per-em patch is gone (session 6: within noise of a render's time): fontkit's own getter answers.
    expect(Object.hasOwn(font, "unitsPerEm")).toBe(false);
    expect(measured.unitsPerEm).toBe(2048);
    expect(JSON.stringify(font.name.records)).toMatch(/^\d+$/);
    // The cached shaping hands back what fontkit itself would shape.
    const original = (prototype as { layout: (text: string) => { advanceWidth: number } }).layout.call(font, "Slowly straighten");
    expect(measured.layout("Slowly straighten").advanceWidth).toBe(original.advanceWidth);
    expect((font.layout as (text: string) => unknown)("Slowly straighten")).toBe((font.layout as (text: string) => unknown)("Slowly straighten"));
  });
});

describe("react-pdf's pdf() instance, as render.tsx releases it", () => {
  test("offers updateContainer and a container holding the rendered document", async () => {
    const instance = pdf(createElement(Document, null, createElement(Page, null, createElement(Text, null, "Contract"))));
    expect(typeof instance.updateContainer).toBe("function");
    expect((instance.container as { document: unknown }).document).not.toBeNull();
    const stream = await instance.toBuffer();
    stream.resume();
    const empty = null as unknown as Parameters<typeof instance.updateContainer>[0];
    instance.updateContainer(empty);
    instance.updateContainer(empty);
    (instance.container as { document: unknown }).document = null;
    expect((instance.container as { document: unknown }).document).toBeNull();
  });
});
