import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Circle, Document, G, Line, Page, Path, Polygon, Rect, Svg, Text, View, renderToBuffer } from "@react-pdf/renderer";
import type { ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { afterAll, describe, expect, it } from "vitest";
import { getFigure } from "./library";
import { PdfFigure, paintShapes, type FigurePainter } from "./pdf";
import { renderFigure, type Primitive } from "./render";
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

/** The figure as one react-pdf Svg element per primitive: how the handout drew it before the canvas. */
function SvgReference({ slug, which, width }: { slug: string; which: "start" | "end" | "both"; width: number }) {
  const drawing = renderFigure(getFigure(slug)!, { which, width });
  const round = { strokeLinecap: "round", strokeLinejoin: "round" } as const;
  const none = (colour: string | undefined) => colour ?? "none";
  return (
    <Svg viewBox={drawing.viewBox} width={drawing.width} height={drawing.height}>
      <G {...round}>
        {drawing.primitives.map((p, i) => {
          switch (p.kind) {
            case "line":
              return <Line key={i} x1={p.x1} y1={p.y1} x2={p.x2} y2={p.y2} stroke={p.stroke} strokeWidth={p.strokeWidth} {...round} />;
            case "path":
              return <Path key={i} d={p.d} stroke={none(p.stroke)} fill={none(p.fill)} strokeWidth={p.strokeWidth ?? 0} {...round} />;
            case "circle":
              return <Circle key={i} cx={p.cx} cy={p.cy} r={p.r} fill={none(p.fill)} stroke={none(p.stroke)} strokeWidth={p.strokeWidth ?? 0} />;
            case "polygon":
              return <Polygon key={i} points={p.points} fill={none(p.fill)} stroke={none(p.stroke)} strokeWidth={p.strokeWidth ?? 0} {...round} />;
            case "rect":
              return (
                <Rect key={i} x={p.x} y={p.y} width={p.width} height={p.height} rx={p.rx} ry={p.rx} fill={none(p.fill)} stroke={none(p.stroke)} strokeWidth={p.strokeWidth ?? 0} />
              );
            case "text": {
              const font = { fontFamily: "Helvetica-Bold", fontSize: p.fontSize } as object;
              return (
                <Text key={i} x={p.x} y={p.y} fill={p.fill} textAnchor={p.anchor} {...font}>
                  {p.text}
                </Text>
              );
            }
          }
        })}
      </G>
    </Svg>
  );
}

/** Grey levels of every page at 100 dpi, as poppler draws them. */
function rasterise(pdf: Buffer, name: string): { width: number; height: number; grey: Uint8Array }[] {
  const file = path.join(dir, `${name}.pdf`);
  writeFileSync(file, pdf);
  execFileSync("pdftoppm", ["-r", "100", "-gray", file, path.join(dir, name)]);
  return readdirSync(dir)
    .filter((f) => f.startsWith(`${name}-`) && f.endsWith(".pgm"))
    .sort()
    .map((f) => {
      const bytes = readFileSync(path.join(dir, f));
      // Binary PGM: "P5", width, height, maximum, then one byte per pixel.
      const header = bytes.toString("latin1", 0, 64).match(/^P5\s+(\d+)\s+(\d+)\s+\d+\s/)!;
      return { width: Number(header[1]), height: Number(header[2]), grey: bytes.subarray(header[0].length) };
    });
}

describe("PdfFigure's canvas", () => {
  it("draws the same picture as one Svg element per primitive", async () => {
    const cases = [
      ["sit-to-stand", "both"],
      ["glute-bridge", "start"],
      ["glute-bridge", "end"],
      ["front-plank", "start"],
      ["swimming", "both"],
      ["stationary-cycling", "end"],
      ["wall-sit", "start"],
      ["clamshell", "both"],
    ] as const;
    const sheet = (draw: (slug: string, which: "start" | "end" | "both") => ReactNode) => (
      <Document>
        {cases.map(([slug, which]) => {
          const drawing = renderFigure(getFigure(slug)!, { which, width: 240 });
          return (
            <Page key={`${slug}-${which}`} size={[drawing.width + 40, drawing.height + 60]} style={{ padding: 20 }}>
              {draw(slug, which)}
            </Page>
          );
        })}
      </Document>
    );
    const canvas = rasterise(
      await renderToBuffer(sheet((slug, which) => <PdfFigure spec={getFigure(slug)!} which={which} width={240} fontFamily="Helvetica" />)),
      "canvas",
    );
    const svg = rasterise(await renderToBuffer(sheet((slug, which) => <SvgReference slug={slug} which={which} width={240} />)), "svg");
    expect(canvas).toHaveLength(cases.length);
    for (const [i, page] of canvas.entries()) {
      const reference = svg[i];
      expect([page.width, page.height]).toEqual([reference.width, reference.height]);
      let inked = 0;
      let differing = 0;
      for (let p = 0; p < page.grey.length; p++) {
        if (reference.grey[p] < 250) inked++;
        if (Math.abs(page.grey[p] - reference.grey[p]) > 48) differing++;
      }
      // Anti-aliasing may differ by a pixel along the clipped edge; a shape out of place would not.
      expect(inked, cases[i].join(" ")).toBeGreaterThan(page.grey.length / 10);
      expect(differing / inked, cases[i].join(" ")).toBeLessThan(0.002);
    }
  }, 60_000);

  it("writes a colour or a line width only when it changes, and keeps translucent shapes to themselves", () => {
    const calls: string[] = [];
    const painter = new Proxy({} as FigurePainter, {
      get: (_, name: string) =>
        (...args: unknown[]) => {
          calls.push(`${name}(${args.map((a) => JSON.stringify(a)).join(",")})`);
          return painter;
        },
    });
    const shapes: Exclude<Primitive, { kind: "text" }>[] = [
      { kind: "line", x1: 0, y1: 0, x2: 10, y2: 0, stroke: "#24313f", strokeWidth: 2 },
      { kind: "line", x1: 0, y1: 5, x2: 10, y2: 5, stroke: "#24313f", strokeWidth: 2 },
      { kind: "circle", cx: 5, cy: 5, r: 1, fill: "#ffffff", stroke: "none" },
      { kind: "polygon", points: "0,0 4,0 4,4", fill: "#24313f", stroke: "#24313f", strokeWidth: 1 },
      { kind: "path", d: "M0 0L1 1", stroke: "#e0590b", strokeWidth: 2, fill: "none", opacity: 0.5 },
      { kind: "line", x1: 1, y1: 1, x2: 2, y2: 2, stroke: "#24313f", strokeWidth: 1 },
      { kind: "rect", x: 0, y: 0, width: 3, height: 2, fill: "none" },
    ];
    paintShapes(painter, shapes);
    expect(calls).toEqual([
      'lineCap("round")',
      'lineJoin("round")',
      'strokeColor("#24313f")',
      "lineWidth(2)",
      "moveTo(0,0)",
      "lineTo(10,0)",
      "stroke()",
      "moveTo(0,5)",
      "lineTo(10,5)",
      "stroke()",
      'fillColor("#ffffff")',
      "circle(5,5,1)",
      "fill()",
      'fillColor("#24313f")',
      "lineWidth(1)",
      "polygon([0,0],[4,0],[4,4])",
      "fillAndStroke()",
      "save()",
      "opacity(0.5)",
      'strokeColor("#e0590b")',
      "lineWidth(2)",
      'path("M0 0L1 1")',
      "stroke()",
      "restore()",
      // After a restore the colour and width in force are the page's again, so they are set anew.
      'strokeColor("#24313f")',
      "lineWidth(1)",
      "moveTo(1,1)",
      "lineTo(2,2)",
      "stroke()",
    ]);
  });
});
