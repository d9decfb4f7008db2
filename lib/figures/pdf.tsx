// Draws a figure with @react-pdf/renderer's Svg primitives, for the handout. Same primitives as the screen.
import { Circle, G, Line, Path, Polygon, Rect, Svg, Text } from "@react-pdf/renderer";
import type { FigureSpec } from "./model";
import { renderFigure, type Primitive } from "./render";

export interface PdfFigureProps {
  spec: FigureSpec;
  which?: "start" | "end" | "both";
  /** width in PDF points; the height follows the picture */
  width: number;
  /** a font registered with react-pdf for the panel labels (Helvetica is built in; labels are ASCII) */
  fontFamily?: string;
}

export function PdfFigure({ spec, which, width, fontFamily = "Helvetica" }: PdfFigureProps) {
  const drawing = renderFigure(spec, { which, width });
  return (
    <Svg viewBox={drawing.viewBox} width={drawing.width} height={drawing.height}>
      <G strokeLinecap="round" strokeLinejoin="round">
        {drawing.primitives.map((p, i) => (
          <PdfPrimitive key={i} p={p} fontFamily={fontFamily} />
        ))}
      </G>
    </Svg>
  );
}

const round = { strokeLinecap: "round", strokeLinejoin: "round" } as const;

function PdfPrimitive({ p, fontFamily }: { p: Primitive; fontFamily: string }) {
  switch (p.kind) {
    case "line":
      return <Line x1={p.x1} y1={p.y1} x2={p.x2} y2={p.y2} stroke={p.stroke} strokeWidth={p.strokeWidth} opacity={p.opacity} {...round} />;
    case "path":
      return <Path d={p.d} stroke={p.stroke ?? "none"} fill={p.fill ?? "none"} strokeWidth={p.strokeWidth ?? 0} opacity={p.opacity} {...round} />;
    case "circle":
      return <Circle cx={p.cx} cy={p.cy} r={p.r} fill={p.fill ?? "none"} stroke={p.stroke ?? "none"} strokeWidth={p.strokeWidth ?? 0} opacity={p.opacity} />;
    case "polygon":
      return <Polygon points={p.points} fill={p.fill ?? "none"} stroke={p.stroke ?? "none"} strokeWidth={p.strokeWidth ?? 0} opacity={p.opacity} {...round} />;
    case "rect":
      return (
        <Rect
          x={p.x}
          y={p.y}
          width={p.width}
          height={p.height}
          rx={p.rx}
          ry={p.rx}
          fill={p.fill ?? "none"}
          stroke={p.stroke ?? "none"}
          strokeWidth={p.strokeWidth ?? 0}
          opacity={p.opacity}
        />
      );
    case "text": {
      // react-pdf reads font settings from props on Svg <Text>; its types only list presentation attributes
      // the built-in Helvetica has its bold as a separate family
      const family = fontFamily === "Helvetica" && p.fontWeight === "bold" ? "Helvetica-Bold" : fontFamily;
      const font = { fontFamily: family, fontSize: p.fontSize, fontWeight: p.fontWeight } as object;
      return (
        <Text x={p.x} y={p.y} fill={p.fill} textAnchor={p.anchor} {...font}>
          {p.text}
        </Text>
      );
    }
  }
}
