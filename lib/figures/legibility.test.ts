// Words in the figures can be read: "Hold" reaches WCAG's 4.5:1 on white, labels are 9 px or more
// where the patient page shows them, and thumbnails carry none (issue 12, item 9).
import { describe, expect, it } from "vitest";
import { contrastWithWhite, minimumContrast } from "@/lib/clinic/colour";
import { figureEntries } from "./library";
import { minLabelPx, palette, renderFigure } from "./render";
import { figureFile, patientPageFigureWidth } from "./svg-file";

const holding = figureEntries.filter((e) => e.spec.hold);

describe("figure labels", () => {
  it("draws the word Hold in a colour with at least 4.5:1 contrast on white", () => {
    expect(holding.length).toBeGreaterThan(0);
    expect(contrastWithWhite(palette.accentText)).toBeGreaterThanOrEqual(minimumContrast);
    for (const entry of holding) {
      const hold = renderFigure(entry.spec).primitives.find((p) => p.kind === "text" && p.text === "Hold");
      expect(hold, entry.slug).toMatchObject({ fill: palette.accentText });
    }
  });

  it("draws every label of the patient page's figure files at 9 px or more on a 320 px phone", () => {
    let labels = 0;
    for (const entry of figureEntries) {
      const { svg } = figureFile(entry.spec);
      const viewBoxWidth = Number(/viewBox="0 0 ([\d.]+) /.exec(svg)?.[1]);
      for (const match of svg.matchAll(/<text[^>]* font-size="([\d.]+)"/g)) {
        labels++;
        const px = (Number(match[1]) * patientPageFigureWidth) / viewBoxWidth;
        expect(px, `${entry.slug}: a label at ${px.toFixed(1)} px`).toBeGreaterThanOrEqual(minLabelPx);
      }
    }
    expect(labels).toBeGreaterThan(figureEntries.length);
  });

  it("grows labels to the box it is given, in width and in height", () => {
    for (const entry of figureEntries) {
      const drawing = renderFigure(entry.spec, { which: "both", box: { width: 262, height: 144 } });
      const [, , vbW, vbH] = drawing.viewBox.split(" ").map(Number);
      const scale = Math.min(262 / vbW, 144 / vbH);
      for (const p of drawing.primitives) if (p.kind === "text") expect(p.fontSize * scale, entry.slug).toBeGreaterThanOrEqual(minLabelPx);
    }
  });

  it("leaves the words out of thumbnails, keeping the hold clock", () => {
    const spec = holding[0].spec;
    const thumbnail = renderFigure(spec, { which: "end", labels: false });
    expect(thumbnail.primitives.some((p) => p.kind === "text")).toBe(false);
    expect(thumbnail.primitives.some((p) => p.kind === "circle" && p.stroke === palette.accent)).toBe(true);
    expect(renderFigure(spec, { which: "end" }).primitives.some((p) => p.kind === "text")).toBe(true);
  });
});
