// Draws a figure as a standalone SVG file: the same primitives FigureSvg (svg.tsx) draws inline,
// as text, for the patient page's <img> figures (lib/sharing/figure-images.ts). A file has no title: the
// page's <img alt> names it.
import crypto from "node:crypto";
import { escapeHtml as escape } from "@/lib/html/markup";
import type { FigureSpec } from "./model";
import { renderFigure, type Primitive } from "./render";


function attributes(p: Record<string, string | number | undefined>): string {
  return Object.entries(p)
    .filter(([, value]) => value !== undefined)
    .map(([name, value]) => ` ${name}="${escape(String(value))}"`)
    .join("");
}

function primitive(p: Primitive): string {
  switch (p.kind) {
    case "line":
      return `<line${attributes({ x1: p.x1, y1: p.y1, x2: p.x2, y2: p.y2, stroke: p.stroke, "stroke-width": p.strokeWidth, opacity: p.opacity })}/>`;
    case "path":
      return `<path${attributes({ d: p.d, stroke: p.stroke, fill: p.fill, "stroke-width": p.strokeWidth, opacity: p.opacity })}/>`;
    case "circle":
      return `<circle${attributes({ cx: p.cx, cy: p.cy, r: p.r, fill: p.fill, stroke: p.stroke, "stroke-width": p.strokeWidth, opacity: p.opacity })}/>`;
    case "polygon":
      return `<polygon${attributes({ points: p.points, fill: p.fill, stroke: p.stroke, "stroke-width": p.strokeWidth, opacity: p.opacity })}/>`;
    case "rect":
      return `<rect${attributes({ x: p.x, y: p.y, width: p.width, height: p.height, rx: p.rx, fill: p.fill, stroke: p.stroke, "stroke-width": p.strokeWidth, opacity: p.opacity })}/>`;
    case "text":
      return `<text${attributes({
        x: p.x,
        y: p.y,
        "font-size": p.fontSize,
        fill: p.fill,
        "text-anchor": p.anchor,
        "font-weight": p.fontWeight,
        "font-family": "system-ui, sans-serif",
      })}>${escape(p.text)}</text>`;
  }
}

export interface FigureFile {
  /** SHA-256 of `svg`, hex: the file's name. */
  hash: string;
  svg: string;
  width: number;
  height: number;
}

/**
 * The narrowest the patient page shows a figure, CSS px: a 320 px phone less the page's padding
 * (16 px a side) and the exercise card's (16 px and a border a side). Labels are drawn at 9 px or
 * more there, and larger on wider screens.
 */
export const patientPageFigureWidth = 254;

/** The start and end positions side by side, as one SVG file named by its content. */
export function figureFile(spec: FigureSpec): FigureFile {
  const drawing = renderFigure(spec, { which: "both", box: { width: patientPageFigureWidth } });
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg"${attributes({ viewBox: drawing.viewBox, width: drawing.width, height: drawing.height })}` +
    ` stroke-linecap="round" stroke-linejoin="round">${drawing.primitives.map(primitive).join("")}</svg>`;
  return { hash: crypto.createHash("sha256").update(svg).digest("hex"), svg, width: drawing.width, height: drawing.height };
}
