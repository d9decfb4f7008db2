// Draws a figure in a react-pdf document, for the handout. Same primitives as the screen.
//
// The shapes are painted straight onto the page through a react-pdf Canvas rather than as one
// Svg element per primitive: a 12-exercise handout carries 22 figures of ~40 primitives, and
// react-pdf builds, styles, saves and restores every Svg element on its own, a tenth of the
// handout's render time. The painter makes the same pdfkit calls react-pdf's Svg makes for each
// shape (same geometry, same order) and writes a colour or a line width only when it changes.
// Text labels ("Start", "Hold") stay real text, in an Svg laid over the canvas, so they can be
// read, searched and copied; they sit in clear space, so drawing them last changes nothing.
import { Canvas, Svg, Text, View } from "@react-pdf/renderer";
import type { FigureSpec } from "./model";
import { renderFigure, type FigureDrawing, type Primitive } from "./render";

export type PdfFigureProps = (
  | {
      spec: FigureSpec;
      which?: "start" | "end" | "both";
      /** width in PDF points; the height follows the picture */
      width: number;
    }
  /** a drawing renderFigure made already */
  | { drawing: FigureDrawing }
) & {
  /** a font registered with react-pdf for the panel labels (Helvetica is built in; labels are ASCII) */
  fontFamily?: string;
};

/** The part of react-pdf's Canvas painter (pdfkit's drawing calls) that figures use. */
export interface FigurePainter {
  save(): FigurePainter;
  restore(): FigurePainter;
  translate(x: number, y: number): FigurePainter;
  scale(x: number, y: number): FigurePainter;
  lineCap(cap: "round"): FigurePainter;
  lineJoin(join: "round"): FigurePainter;
  lineWidth(width: number): FigurePainter;
  strokeColor(colour: string): FigurePainter;
  fillColor(colour: string): FigurePainter;
  opacity(opacity: number): FigurePainter;
  moveTo(x: number, y: number): FigurePainter;
  lineTo(x: number, y: number): FigurePainter;
  path(d: string): FigurePainter;
  circle(x: number, y: number, r: number): FigurePainter;
  polygon(...points: [number, number][]): FigurePainter;
  roundedRect(x: number, y: number, width: number, height: number, radius: number): FigurePainter;
  fill(): FigurePainter;
  stroke(): FigurePainter;
  fillAndStroke(): FigurePainter;
  clip(): FigurePainter;
}

type Shape = Exclude<Primitive, { kind: "text" }>;
type Label = Extract<Primitive, { kind: "text" }>;

function viewBoxSize(drawing: FigureDrawing): { width: number; height: number } {
  const [, , width, height] = drawing.viewBox.split(/\s+/).map(Number);
  return { width, height };
}

/**
 * Maps the viewBox onto the drawing's size as an Svg does by default (xMidYMid meet), so the
 * shapes land exactly where the Svg overlay puts the labels.
 */
function fitViewBox(painter: FigurePainter, drawing: FigureDrawing, width: number, height: number): void {
  const box = viewBoxSize(drawing);
  if (box.width / box.height < width / height) {
    const scale = height / box.height;
    painter.scale(scale, scale).translate(-(box.width - (width * box.height) / height) / 2, 0);
  } else {
    const scale = width / box.width;
    painter.scale(scale, scale).translate(0, -(box.height - (height * box.width) / width) / 2);
  }
}

const visible = (colour: string | undefined): colour is string => colour !== undefined && colour !== "none";

function parsePoints(points: string): [number, number][] {
  const values = points.trim().split(/[\s,]+/).map(Number);
  const pairs: [number, number][] = [];
  for (let i = 0; i + 1 < values.length; i += 2) pairs.push([values[i], values[i + 1]]);
  return pairs;
}

/** A rectangle as a closed path, as the Svg draws it. */
function corners(x: number, y: number, width: number, height: number): [number, number][] {
  return [
    [x, y],
    [x + width, y],
    [x + width, y + height],
    [x, y + height],
  ];
}

/** Paints the shapes in order, as the Svg elements would, each filled and/or stroked once. */
export function paintShapes(painter: FigurePainter, shapes: Shape[]): void {
  // Only what changes is written out; a translucent shape gets its own saved state.
  let stroke: string | null = null;
  let fill: string | null = null;
  let width: number | null = null;
  painter.lineCap("round").lineJoin("round");
  for (const shape of shapes) {
    const strokeColour = visible(shape.stroke) ? shape.stroke : null;
    const fillColour = shape.kind !== "line" && visible(shape.fill) ? shape.fill : null;
    if (!strokeColour && !fillColour) continue;
    const opacity = shape.opacity ?? 1;
    const translucent = opacity < 1;
    if (translucent) painter.save().opacity(opacity);
    if (strokeColour && strokeColour !== stroke) painter.strokeColor((stroke = strokeColour));
    if (fillColour && fillColour !== fill) painter.fillColor((fill = fillColour));
    // As in an Svg, a stroke without a width is drawn one unit wide.
    const lineWidth = strokeColour ? shape.strokeWidth || 1 : null;
    if (lineWidth !== null && lineWidth !== width) painter.lineWidth((width = lineWidth));
    switch (shape.kind) {
      case "line":
        painter.moveTo(shape.x1, shape.y1).lineTo(shape.x2, shape.y2);
        break;
      case "path":
        painter.path(shape.d);
        break;
      case "circle":
        painter.circle(shape.cx, shape.cy, shape.r);
        break;
      case "polygon":
        painter.polygon(...parsePoints(shape.points));
        break;
      case "rect":
        if (shape.rx) painter.roundedRect(shape.x, shape.y, shape.width, shape.height, shape.rx);
        else painter.polygon(...corners(shape.x, shape.y, shape.width, shape.height));
        break;
    }
    if (strokeColour && fillColour) painter.fillAndStroke();
    else if (fillColour) painter.fill();
    else painter.stroke();
    if (translucent) {
      painter.restore();
      stroke = fill = null;
      width = null;
    }
  }
}

export function PdfFigure(props: PdfFigureProps) {
  const { fontFamily = "Helvetica" } = props;
  const drawing = "drawing" in props ? props.drawing : renderFigure(props.spec, { which: props.which, width: props.width });
  const shapes = drawing.primitives.filter((p): p is Shape => p.kind !== "text");
  const labels = drawing.primitives.filter((p): p is Label => p.kind === "text");
  const size = { width: drawing.width, height: drawing.height };
  const canvas = (
    <Canvas
      style={size}
      paint={(painter: FigurePainter, boxWidth: number, boxHeight: number) => {
        // The box is the laid-out size (the layout rounds it slightly), which is what an Svg
        // scales its picture to and clips to: the round ends of the floor line stop at its edge.
        painter.polygon(...corners(0, 0, boxWidth, boxHeight)).clip();
        fitViewBox(painter, drawing, boxWidth, boxHeight);
        paintShapes(painter, shapes);
        return null;
      }}
    />
  );
  if (labels.length === 0) return canvas;
  return (
    <View style={size}>
      {canvas}
      <Svg viewBox={drawing.viewBox} width={drawing.width} height={drawing.height} style={{ position: "absolute", top: 0, left: 0 }}>
        {labels.map((label, i) => (
          <PdfLabel key={i} label={label} fontFamily={fontFamily} />
        ))}
      </Svg>
    </View>
  );
}

function PdfLabel({ label, fontFamily }: { label: Label; fontFamily: string }) {
  // react-pdf reads font settings from props on Svg <Text>; its types only list presentation attributes.
  // The built-in Helvetica has its bold as a separate family.
  const family = fontFamily === "Helvetica" && label.fontWeight === "bold" ? "Helvetica-Bold" : fontFamily;
  const font = { fontFamily: family, fontSize: label.fontSize, fontWeight: label.fontWeight } as object;
  return (
    <Text x={label.x} y={label.y} fill={label.fill} textAnchor={label.anchor} {...font}>
      {label.text}
    </Text>
  );
}
