import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Document, Page, Text, View, renderToBuffer } from "@react-pdf/renderer";
import { renderToStaticMarkup } from "react-dom/server";
import { afterAll, describe, expect, it } from "vitest";
import { getFigure } from "./library";
import { PdfFigure } from "./pdf";
import { renderFigure } from "./render";
import { FigureSvg } from "./svg";

const dir = mkdtempSync(path.join(tmpdir(), "figures-pdf-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("FigureSvg", () => {
  it("is an image with an accessible title and draws every primitive", () => {
    const spec = getFigure("glute-bridge")!;
    const html = renderToStaticMarkup(<FigureSvg spec={spec} title="Glute bridge: start and end" className="w-full" />);
    expect(html).toMatch(/^<svg[^>]*role="img"/);
    expect(html).toMatch(/aria-labelledby="([^"]+)"[^>]*>.*<title id="\1">Glute bridge: start and end<\/title>/s);
    expect(html).toContain('class="w-full"');
    const drawing = renderFigure(spec);
    const drawn = html.match(/<(line|path|circle|polygon|rect|text)\b/g) ?? [];
    expect(drawn).toHaveLength(drawing.primitives.length);
    expect(html).toContain(`viewBox="${drawing.viewBox}"`);
    expect(html).toContain(">Start</text>");
    expect(html).toContain(">Hold</text>");
  });

  it("escapes the title as text", () => {
    const html = renderToStaticMarkup(<FigureSvg spec={getFigure("wall-sit")!} title={'<script>alert("x")</script>'} />);
    expect(html).not.toContain("<script>");
  });
});

describe("PdfFigure", () => {
  it("renders several figures into a real PDF that poppler can read", async () => {
    const slugs = ["sit-to-stand", "glute-bridge", "front-plank", "clamshell", "lateral-band-walk", "stationary-cycling"];
    const doc = (
      <Document title="Figure check">
        <Page size="A4" style={{ padding: 24 }}>
          {slugs.map((slug) => (
            <View key={slug} style={{ marginBottom: 8, flexDirection: "row", alignItems: "center" }} wrap={false}>
              <PdfFigure spec={getFigure(slug)!} width={220} />
              <Text style={{ marginLeft: 12, fontSize: 11 }}>{slug}</Text>
            </View>
          ))}
          <PdfFigure spec={getFigure("heel-slides")!} which="end" width={160} />
        </Page>
      </Document>
    );
    const bytes = await renderToBuffer(doc);
    expect(bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    const file = path.join(dir, "figures.pdf");
    writeFileSync(file, bytes);
    const info = execFileSync("pdfinfo", [file], { encoding: "utf8" });
    expect(info).toMatch(/Pages:\s+[1-9]/);
    const text = execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" });
    for (const slug of slugs) expect(text).toContain(slug);
    // the panel labels drawn inside the figures come through as text
    expect(text).toContain("Start");
    expect(text).toContain("End");
    expect(text).toContain("Hold");
  });
});
