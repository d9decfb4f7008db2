// Draws a figure as inline SVG for the browser. Server-safe: no hooks, no client code.
import { useId } from "react";
import type { FigureSpec } from "./model";
import { renderFigure, type Primitive } from "./render";

export interface FigureSvgProps {
  spec: FigureSpec;
  which?: "start" | "end" | "both";
  /** what the picture shows, read by screen readers */
  title: string;
  className?: string;
  /** false for thumbnails: no words in a picture too small to read them */
  labels?: boolean;
  /** the smallest box the picture is shown in, CSS px: its labels are drawn at 9 px or more there */
  box?: { width: number; height?: number };
}

export function FigureSvg({ spec, which, title, className, labels, box }: FigureSvgProps) {
  const drawing = renderFigure(spec, { which, labels, box });
  const titleId = useId();
  return (
    <svg
      role="img"
      aria-labelledby={titleId}
      viewBox={drawing.viewBox}
      width={drawing.width}
      height={drawing.height}
      className={className}
      xmlns="http://www.w3.org/2000/svg"
      strokeLinecap="round"
      strokeLinejoin="round"
    >
      <title id={titleId}>{title}</title>
      {drawing.primitives.map((p, i) => (
        <SvgPrimitive key={i} p={p} />
      ))}
    </svg>
  );
}

function SvgPrimitive({ p }: { p: Primitive }) {
  switch (p.kind) {
    case "line":
      return <line x1={p.x1} y1={p.y1} x2={p.x2} y2={p.y2} stroke={p.stroke} strokeWidth={p.strokeWidth} opacity={p.opacity} />;
    case "path":
      return <path d={p.d} stroke={p.stroke} fill={p.fill} strokeWidth={p.strokeWidth} opacity={p.opacity} />;
    case "circle":
      return <circle cx={p.cx} cy={p.cy} r={p.r} fill={p.fill} stroke={p.stroke} strokeWidth={p.strokeWidth} opacity={p.opacity} />;
    case "polygon":
      return <polygon points={p.points} fill={p.fill} stroke={p.stroke} strokeWidth={p.strokeWidth} opacity={p.opacity} />;
    case "rect":
      return (
        <rect x={p.x} y={p.y} width={p.width} height={p.height} rx={p.rx} fill={p.fill} stroke={p.stroke} strokeWidth={p.strokeWidth} opacity={p.opacity} />
      );
    case "text":
      return (
        <text
          x={p.x}
          y={p.y}
          fontSize={p.fontSize}
          fill={p.fill}
          textAnchor={p.anchor}
          fontWeight={p.fontWeight}
          fontFamily="system-ui, sans-serif"
          aria-hidden="true"
        >
          {p.text}
        </text>
      );
  }
}
