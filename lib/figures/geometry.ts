// Plane geometry shared by the renderer, the pose solver and the tests: the surfaces bodies rest on
// and the solid bodies of props, in the picture plane (H units, y up).
import type { Prop } from "./model";

export interface Pt {
  x: number;
  y: number;
}

/**
 * A surface a body part can rest on: a segment (its outside is to the left going from a to b,
 * so a floor runs left to right), or the rim of a circle (outside is outside).
 */
export type Surface =
  | { kind: "segment"; a: Pt; b: Pt }
  | { kind: "circle"; c: Pt; r: number };

/** A solid region no joint may be inside. */
export type Solid =
  | { kind: "box"; x1: number; x2: number; y1: number; y2: number }
  | { kind: "disc"; c: Pt; r: number }
  | { kind: "halfPlane"; x: number; side: "left" | "right" };

export const prop = {
  matThickness: 0.015,
  seatDepth: 0.26,
  seatThickness: 0.03,
  chairBackHeight: 0.26,
  chairBackThickness: 0.03,
  counterTop: 0.03,
  boardTop: 0.065,
  boardSlab: 0.022,
  padThickness: 0.014,
  saddleHalf: 0.06,
  wallThickness: 0.06,
} as const;

const FLOOR_REACH = 1000;

export function chairBackRect(p: Extract<Prop, { kind: "chair" }>) {
  const half = prop.seatDepth / 2;
  if (p.back === "none" || p.back === "behind") return null;
  const x1 = p.back === "left" ? p.x - half : p.x + half - prop.chairBackThickness;
  return { x1, x2: x1 + prop.chairBackThickness, y1: p.seat, y2: p.seat + prop.chairBackHeight };
}

/** Surfaces of a prop that a body part may rest on. Props tied to the body (bands, straps…) have none. */
export function propSurfaces(p: Prop): Surface[] {
  switch (p.kind) {
    case "mat":
      return [seg(p.x1, prop.matThickness, p.x2, prop.matThickness)];
    case "chair": {
      const half = prop.seatDepth / 2;
      const out: Surface[] = [seg(p.x - half, p.seat, p.x + half, p.seat)];
      const back = chairBackRect(p);
      if (back) {
        const r = prop.chairBackThickness / 2;
        out.push({ kind: "circle", c: { x: (back.x1 + back.x2) / 2, y: back.y2 - r }, r });
        // the face the sitter leans on, oriented so its outside points toward the seat
        if (p.back === "left") out.push(seg(back.x2, back.y2 - r, back.x2, back.y1));
        else out.push(seg(back.x1, back.y1, back.x1, back.y2 - r));
      }
      return out;
    }
    case "step":
      return [seg(p.x - p.width / 2, p.height, p.x + p.width / 2, p.height)];
    case "wall":
      return [p.side === "right" ? seg(p.x, 0, p.x, FLOOR_REACH) : seg(p.x, FLOOR_REACH, p.x, 0)];
    case "counter":
      return [seg(p.x - p.width / 2, p.height, p.x + p.width / 2, p.height)];
    case "roll":
    case "ball":
      return [{ kind: "circle", c: { x: p.x, y: p.base + p.r }, r: p.r }];
    case "cushion":
      return [seg(p.x - p.width / 2, p.height, p.x + p.width / 2, p.height)];
    case "board":
      return [seg(p.x - p.width / 2, prop.boardTop, p.x + p.width / 2, prop.boardTop)];
    case "pad":
      return [seg(p.x1, p.base + prop.padThickness, p.x2, p.base + prop.padThickness)];
    case "bike":
      return [
        seg(p.saddle.x - prop.saddleHalf, p.saddle.y, p.saddle.x + prop.saddleHalf, p.saddle.y),
        { kind: "circle", c: { x: p.x, y: p.crankHeight }, r: p.crank },
        { kind: "circle", c: p.bars, r: 0.012 },
      ];
    case "legPress": {
      const back = legPressBack(p);
      return [seg(p.seat.x - 0.16, p.seat.y, p.seat.x + 0.1, p.seat.y), seg(back.a.x, back.a.y, back.b.x, back.b.y)];
    }
    default:
      return [];
  }
}

export function legPressBack(p: Extract<Prop, { kind: "legPress" }>) {
  const a = { x: p.seat.x - 0.16, y: p.seat.y };
  const t = (p.backAngle * Math.PI) / 180;
  const len = 0.42;
  return { a, b: { x: a.x - Math.sin(t) * len, y: a.y + Math.cos(t) * len } };
}

/** Solid bodies of a prop: no joint may be inside one. */
export function propSolids(p: Prop): Solid[] {
  switch (p.kind) {
    case "mat":
      return [{ kind: "box", x1: p.x1, x2: p.x2, y1: 0, y2: prop.matThickness }];
    case "chair": {
      const half = prop.seatDepth / 2;
      const out: Solid[] = [
        { kind: "box", x1: p.x - half, x2: p.x + half, y1: p.seat - prop.seatThickness, y2: p.seat },
      ];
      const back = chairBackRect(p);
      if (back) out.push({ kind: "box", ...back });
      return out;
    }
    case "step":
      return [{ kind: "box", x1: p.x - p.width / 2, x2: p.x + p.width / 2, y1: 0, y2: p.height }];
    case "wall":
      return [{ kind: "halfPlane", x: p.x, side: p.side }];
    case "counter":
      return [{ kind: "box", x1: p.x - p.width / 2, x2: p.x + p.width / 2, y1: 0, y2: p.height }];
    case "roll":
    case "ball":
      return [{ kind: "disc", c: { x: p.x, y: p.base + p.r }, r: p.r }];
    case "cushion":
      return [{ kind: "box", x1: p.x - p.width / 2, x2: p.x + p.width / 2, y1: 0, y2: p.height }];
    case "board":
      return [
        { kind: "box", x1: p.x - p.width / 2, x2: p.x + p.width / 2, y1: prop.boardTop - prop.boardSlab, y2: prop.boardTop },
      ];
    case "pad":
      return [{ kind: "box", x1: p.x1, x2: p.x2, y1: p.base, y2: p.base + prop.padThickness }];
    case "legPress":
      return [{ kind: "box", x1: p.seat.x - 0.16, x2: p.seat.x + 0.1, y1: p.seat.y - 0.05, y2: p.seat.y }];
    default:
      return [];
  }
}

function seg(x1: number, y1: number, x2: number, y2: number): Surface {
  return { kind: "segment", a: { x: x1, y: y1 }, b: { x: x2, y: y2 } };
}

export const floorSurface: Surface = seg(-FLOOR_REACH, 0, FLOOR_REACH, 0);

/** Distance from a point to a surface: positive outside, negative behind it. */
export function signedDistance(p: Pt, s: Surface): number {
  if (s.kind === "circle") return Math.hypot(p.x - s.c.x, p.y - s.c.y) - s.r;
  const d = distanceToSurface(p, s);
  const cross = (s.b.x - s.a.x) * (p.y - s.a.y) - (s.b.y - s.a.y) * (p.x - s.a.x);
  return cross < 0 ? -d : d;
}

/** Distance from a point to a surface (unsigned). */
export function distanceToSurface(p: Pt, s: Surface): number {
  if (s.kind === "circle") return Math.abs(Math.hypot(p.x - s.c.x, p.y - s.c.y) - s.r);
  const dx = s.b.x - s.a.x;
  const dy = s.b.y - s.a.y;
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((p.x - s.a.x) * dx + (p.y - s.a.y) * dy) / len2));
  return Math.hypot(p.x - (s.a.x + t * dx), p.y - (s.a.y + t * dy));
}

/** How deep a point is inside a solid (0 when outside). */
export function penetration(p: Pt, s: Solid): number {
  switch (s.kind) {
    case "box": {
      if (p.x <= s.x1 || p.x >= s.x2 || p.y <= s.y1 || p.y >= s.y2) return 0;
      return Math.min(p.x - s.x1, s.x2 - p.x, p.y - s.y1, s.y2 - p.y);
    }
    case "disc":
      return Math.max(0, s.r - Math.hypot(p.x - s.c.x, p.y - s.c.y));
    case "halfPlane":
      return Math.max(0, s.side === "right" ? p.x - s.x : s.x - p.x);
  }
}
