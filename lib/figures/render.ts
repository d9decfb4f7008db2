// The one figure renderer: a FigureSpec in, drawing primitives out (no React). The SVG and PDF
// adapters draw exactly these primitives, so the screen and the handout show the same picture.
import {
  body,
  cameraAzimuth,
  forwardKinematics,
  project,
  up,
  type Projected,
  type Skeleton,
  type Vec3,
} from "./kinematics";
import { chairBackRect, legPressBack, prop as propSize, type Pt } from "./geometry";
import type { BodyPart, FigureSpec, JointName, Pose, Prop, PropEnd } from "./model";

export type Primitive =
  | { kind: "line"; x1: number; y1: number; x2: number; y2: number; stroke: string; strokeWidth: number; opacity?: number }
  | { kind: "path"; d: string; stroke?: string; fill?: string; strokeWidth?: number; opacity?: number }
  | { kind: "circle"; cx: number; cy: number; r: number; fill?: string; stroke?: string; strokeWidth?: number; opacity?: number }
  | { kind: "polygon"; points: string; fill?: string; stroke?: string; strokeWidth?: number; opacity?: number }
  | {
      kind: "rect";
      x: number;
      y: number;
      width: number;
      height: number;
      rx?: number;
      fill?: string;
      stroke?: string;
      strokeWidth?: number;
      opacity?: number;
    }
  | {
      kind: "text";
      x: number;
      y: number;
      text: string;
      fontSize: number;
      fill: string;
      anchor: "start" | "middle" | "end";
      fontWeight: "normal" | "bold";
    };

/** Drawing primitives in a viewBox (y down, as SVG). Lines and paths have round caps and joins. */
export interface FigureDrawing {
  viewBox: string;
  width: number;
  height: number;
  primitives: Primitive[];
}

export interface RenderOptions {
  which?: "start" | "end" | "both";
  /** output width in px (height follows the picture), or height (width follows) */
  width?: number;
  height?: number;
  /** false: no words in the picture ("Start", "End", "Hold"), for thumbnails too small to read them */
  labels?: boolean;
  /**
   * The smallest box, in CSS pixels, the picture is shown in (it is scaled to fit, keeping its shape):
   * labels grow until they are at least `minLabelPx` there.
   */
  box?: { width: number; height?: number };
}

/** The smallest size, in CSS pixels, a label is drawn at when the caller gives its box. */
export const minLabelPx = 9;
/** a label's font size, in standing heights per unit of text scale */
const LABEL_SIZE = 0.068;

export const palette = {
  ink: "#24313f",
  inkFar: "#97a4b3",
  accent: "#e0590b",
  accentFar: "#f2ab7a",
  /** the accent for words ("Hold"): #e0590b is 3.75:1 on white, under WCAG's 4.5:1 for text */
  accentText: "#c2410c",
  halo: "#ffffff",
  propFill: "#e6ebf1",
  propStroke: "#7f8ea1",
  propDark: "#5d6b7e",
  mat: "#cbd8e4",
  floor: "#7f8ea1",
  ground: "#eef1f5",
  label: "#46566a",
  water: "#cfe4f7",
  waterLine: "#5b9bd5",
  wood: "#b58a5a",
} as const;

/** viewBox units per standing height */
const UNIT = 100;
const HALO = 0.011;
const PANEL_GAP = 0.06;
const LABEL_SPACE = 0.13;

// ---------------------------------------------------------------------------------------------
// World-space primitives (H units, y up); mapped to the viewBox at the end.

type Cmd = ["M" | "L", Pt] | ["C", Pt, Pt, Pt] | ["Z"];
type WPrim =
  | { kind: "line"; a: Pt; b: Pt; stroke: string; width: number; opacity?: number }
  | { kind: "path"; cmds: Cmd[]; stroke?: string; fill?: string; width?: number; opacity?: number }
  | { kind: "circle"; c: Pt; r: number; fill?: string; stroke?: string; width?: number; opacity?: number }
  | { kind: "polygon"; pts: Pt[]; fill?: string; stroke?: string; width?: number; opacity?: number }
  | { kind: "rect"; x1: number; y1: number; x2: number; y2: number; rx?: number; fill?: string; stroke?: string; width?: number }
  | { kind: "text"; at: Pt; text: string; size: number; fill: string; anchor: "start" | "middle" | "end"; bold: boolean };

const pt = (x: number, y: number): Pt => ({ x, y });
const P = (p: Projected): Pt => ({ x: p.x, y: p.y });
const minus = (a: Pt, b: Pt): Pt => pt(a.x - b.x, a.y - b.y);
const plus = (a: Pt, b: Pt): Pt => pt(a.x + b.x, a.y + b.y);
const times = (a: Pt, k: number): Pt => pt(a.x * k, a.y * k);
const len = (a: Pt) => Math.hypot(a.x, a.y);
const unit = (a: Pt) => {
  const l = len(a);
  return l < 1e-9 ? pt(0, 0) : times(a, 1 / l);
};

/** A projected skeleton: every joint in the picture plane, with depth. */
export interface Posed {
  skeleton: Skeleton;
  at: Record<JointName, Projected>;
  azimuth: number;
}

export function posePoints(pose: Pose, azimuth: number): Posed {
  const skeleton = forwardKinematics(pose);
  const at = {} as Record<JointName, Projected>;
  for (const [name, p] of Object.entries(skeleton.points)) at[name as JointName] = project(p, azimuth);
  return { skeleton, at, azimuth };
}

/** Smooth path through points (Catmull–Rom as cubic Béziers). */
function smooth(points: Pt[], start: "M" | "L"): Cmd[] {
  const cmds: Cmd[] = [[start, points[0]]];
  for (let i = 0; i < points.length - 1; i++) {
    const p0 = points[Math.max(0, i - 1)];
    const p1 = points[i];
    const p2 = points[i + 1];
    const p3 = points[Math.min(points.length - 1, i + 2)];
    cmds.push(["C", plus(p1, times(minus(p2, p0), 1 / 6)), minus(p2, times(minus(p3, p1), 1 / 6)), p2]);
  }
  return cmds;
}

function hull(points: Pt[]): Pt[] {
  const pts = [...points].sort((a, b) => a.x - b.x || a.y - b.y);
  if (pts.length < 3) return pts;
  const cross = (o: Pt, a: Pt, b: Pt) => (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x);
  const lower: Pt[] = [];
  for (const p of pts) {
    while (lower.length >= 2 && cross(lower[lower.length - 2], lower[lower.length - 1], p) <= 1e-12) lower.pop();
    lower.push(p);
  }
  const upper: Pt[] = [];
  for (const p of [...pts].reverse()) {
    while (upper.length >= 2 && cross(upper[upper.length - 2], upper[upper.length - 1], p) <= 1e-12) upper.pop();
    upper.push(p);
  }
  return [...lower.slice(0, -1), ...upper.slice(0, -1)];
}

// ---------------------------------------------------------------------------------------------
// The body

const armParts = { near: "nearArm", far: "farArm" } as const;
const legParts = { near: "nearLeg", far: "farLeg" } as const;
/** A part a figure can bring to the front: a body part, or a hand apart from its arm. */
type FrontPart = NonNullable<FigureSpec["inFront"]>[number];

/** Which body part a joint belongs to (the part that turns accent when the arrow is on that joint). */
export function partOf(joint: JointName): BodyPart | null {
  const m = /^(near|far)(\w+)$/.exec(joint);
  if (!m) return null;
  const side = m[1] as "near" | "far";
  return ["Shoulder", "Elbow", "Wrist", "Palm", "Fingers"].includes(m[2]) ? armParts[side] : legParts[side];
}

interface Stroke {
  a: Pt;
  b: Pt;
  width: number;
}
interface Group {
  part: BodyPart;
  /** a hand drawn apart from its arm */
  front?: FrontPart;
  depth: number;
  strokes: Stroke[];
  trunk?: Cmd[];
  head?: { c: Pt; r: number; nose: Pt | null; eye: Pt | null };
  foot?: Pt[];
}

function bodyGroups(posed: Posed, inFront: readonly FrontPart[] = []): Group[] {
  const { skeleton, at, azimuth } = posed;
  const w = body.width;
  const groups: Group[] = [];

  const trunkPath = trunkOutline(skeleton, azimuth);
  const headC = P(at.head);
  // a small nose tells face-up from face-down; drawn only when the face is turned across the picture
  const faceDir = project(addV(skeleton.points.head, fwdOf(skeleton)), azimuth);
  const face = minus(P(faceDir), headC);
  const profile = len(face) > 0.6;
  const nose = profile ? plus(headC, times(unit(face), body.headRadius - 0.002)) : null;
  // an eye on the face side, a little above the nose line
  const headUp = minus(P(project(addV(skeleton.points.head, upOf(skeleton)), azimuth)), headC);
  const eye = profile ? plus(plus(headC, times(unit(face), body.headRadius * 0.52)), times(unit(headUp), body.headRadius * 0.22)) : null;
  const trunkDepth = (at.pelvis.depth + at.neck.depth) / 2;
  groups.push({
    part: "trunk",
    depth: trunkDepth - 0.001,
    strokes: [{ a: P(at.neck), b: headC, width: w.neck }],
    trunk: trunkPath,
    head: { c: headC, r: body.headRadius, nose, eye },
  });

  for (const side of ["near", "far"] as const) {
    const j = (name: string) => at[`${side}${name}` as JointName];
    const fingers = P(j("Fingers"));
    const wrist = P(j("Wrist"));
    const handEnd = plus(fingers, times(unit(minus(wrist, fingers)), w.hand / 2));
    const hand: Stroke = { a: wrist, b: handEnd, width: w.hand };
    // a hand the figure brings to the front is a group of its own
    const handApart = inFront.includes(`${side}Hand`);
    groups.push({
      part: armParts[side],
      depth: (j("Shoulder").depth + j("Elbow").depth + j("Wrist").depth) / 3,
      strokes: [
        { a: P(j("Shoulder")), b: P(j("Elbow")), width: w.upperArm },
        { a: P(j("Elbow")), b: wrist, width: w.forearm },
        ...(handApart ? [] : [hand]),
      ],
    });
    if (handApart) groups.push({ part: armParts[side], front: `${side}Hand`, depth: j("Wrist").depth, strokes: [hand] });
    const ft = skeleton.feet[side];
    const normal = up(skeleton.frames[side].foot);
    const lift = (p: Vec3): Pt => P(project(addV(p, scaleV(normal, w.foot / 2)), azimuth));
    const foot = hull(ft.outline.map(lift));
    groups.push({
      part: legParts[side],
      depth: (j("Hip").depth + j("Knee").depth + j("Ankle").depth) / 3,
      strokes: [
        { a: P(j("Hip")), b: P(j("Knee")), width: w.thigh },
        { a: P(j("Knee")), b: P(j("Ankle")), width: w.shank },
      ],
      foot,
    });
  }
  // farther parts first; the trunk wins ties so limbs at its depth draw over it; then the parts the figure
  // brings to the front, in the order it lists them
  const rank = (g: Group) => inFront.indexOf(g.front ?? g.part);
  return groups.sort((a, b) => rank(a) - rank(b) || a.depth - b.depth);
}

/**
 * The trunk: a thick stroke around its near and far edges. Seen from the side the edges coincide and
 * the stroke alone gives the body its depth; the more the trunk's breadth faces the camera, the more
 * the outline gains sloping shoulders, a waist and rounded hips, so a front view reads as a body
 * rather than a block.
 */
function trunkOutline(skeleton: Skeleton, azimuth: number): Cmd[] {
  const { near, far } = skeleton.trunkEdges;
  const { pelvis: fp, upperTrunk: fu } = skeleton.frames;
  const col = (m: Skeleton["frames"]["pelvis"], j: number): Vec3 => [m[j], m[3 + j], m[6 + j]];
  const breadth = (m: Skeleton["frames"]["pelvis"]) => len(minus(P(project(col(m, 2), azimuth)), P(project([0, 0, 0], azimuth))));
  const kp = breadth(fp);
  const ku = breadth(fu);
  const proj = (p: Vec3) => P(project(p, azimuth));
  const toPts = (edge: Vec3[]) => edge.map(proj);
  if (Math.max(kp, ku) < 0.05) {
    return [...smooth(toPts(near), "M"), ...smooth(toPts(far).reverse(), "L"), ["Z"]];
  }
  const { pelvis: p0, neck: p3 } = skeleton.points;
  const at = (o: Vec3, m: Skeleton["frames"]["pelvis"], k: number, dUp: number, dLat: number): Pt =>
    proj(addV(addV(o, scaleV(col(m, 1), dUp * k)), scaleV(col(m, 2), dLat)));
  const side = (sg: 1 | -1): Pt[] => {
    const edge = toPts(sg === 1 ? near : far);
    return [
      // the hip rounds under toward the thigh
      at(p0, fp, kp, -0.03, sg * 0.044),
      ...edge.slice(0, 3),
      // the shoulder drops from the neck to the arm
      at(p3, fu, ku, -0.034, sg * 0.074),
      at(p3, fu, ku, -0.022, sg * 0.028),
    ];
  };
  const crotch = at(p0, fp, kp, -0.042, 0);
  return [...smooth(side(1), "M"), ...smooth([...side(-1).reverse(), crotch], "L"), ["Z"]];
}

const addV = (a: Vec3, b: Vec3): Vec3 => [a[0] + b[0], a[1] + b[1], a[2] + b[2]];
const scaleV = (a: Vec3, k: number): Vec3 => [a[0] * k, a[1] * k, a[2] * k];
function fwdOf(s: Skeleton): Vec3 {
  const f = s.frames.head;
  return [f[0], f[3], f[6]];
}
function upOf(s: Skeleton): Vec3 {
  const f = s.frames.head;
  return [f[1], f[4], f[7]];
}

function drawBody(posed: Posed, accent: Set<BodyPart>, inFront: readonly FrontPart[], out: WPrim[]) {
  const groups = bodyGroups(posed, inFront);
  // of each pair of limbs, the one rooted farther from the viewer is drawn lighter (none in a square front view)
  const { at } = posed;
  const farParts = new Set<BodyPart>();
  for (const [joint, nearPart, farPart] of [
    ["Shoulder", "nearArm", "farArm"],
    ["Hip", "nearLeg", "farLeg"],
  ] as const) {
    const d = at[`near${joint}`].depth - at[`far${joint}`].depth;
    if (d > 0.06) farParts.add(farPart);
    if (d < -0.06) farParts.add(nearPart);
  }
  for (const g of groups) {
    const far = farParts.has(g.part);
    const hot = accent.has(g.part) || (g.part === "trunk" && accent.has("head"));
    const ink = hot ? (far ? palette.accentFar : palette.accent) : far ? palette.inkFar : palette.ink;
    const trunkInk = accent.has("trunk") ? palette.accent : palette.ink;
    const headInk = accent.has("head") ? palette.accent : palette.ink;
    // white halo first, so a part in front reads separately from the part behind it
    if (g.trunk) out.push({ kind: "path", cmds: g.trunk, fill: palette.halo, stroke: palette.halo, width: body.width.trunk + 2 * HALO });
    for (const s of g.strokes) out.push({ kind: "line", a: s.a, b: s.b, stroke: palette.halo, width: s.width + 2 * HALO });
    if (g.head) out.push({ kind: "circle", c: g.head.c, r: g.head.r + HALO, fill: palette.halo });
    if (g.foot) out.push({ kind: "polygon", pts: g.foot, fill: palette.halo, stroke: palette.halo, width: body.width.foot + 2 * HALO });

    if (g.trunk) out.push({ kind: "path", cmds: g.trunk, fill: trunkInk, stroke: trunkInk, width: body.width.trunk });
    for (const s of g.strokes) out.push({ kind: "line", a: s.a, b: s.b, stroke: g.part === "trunk" ? headInk : ink, width: s.width });
    if (g.head) {
      if (g.head.nose) out.push({ kind: "circle", c: g.head.nose, r: 0.017, fill: headInk });
      out.push({ kind: "circle", c: g.head.c, r: g.head.r, fill: headInk });
      if (g.head.eye) out.push({ kind: "circle", c: g.head.eye, r: 0.0085, fill: palette.halo });
    }
    if (g.foot) out.push({ kind: "polygon", pts: g.foot, fill: ink, stroke: ink, width: body.width.foot });
  }
}

// ---------------------------------------------------------------------------------------------
// Props

/** Props drawn in front of the body (held or worn); the rest are drawn behind it. */
const frontKinds = new Set<Prop["kind"]>(["band", "towel", "strap", "dowel", "ankleWeight"]);

function endPoint(end: PropEnd, posed: Posed): Pt {
  return "site" in end ? P(posed.at[end.site]) : pt(end.x, end.y);
}

function drawProp(p: Prop, posed: Posed, frame: Frame, out: WPrim[]) {
  const fill = palette.propFill;
  const stroke = palette.propStroke;
  const sw = 0.01;
  switch (p.kind) {
    case "mat":
      out.push({ kind: "rect", x1: p.x1, y1: 0, x2: p.x2, y2: propSize.matThickness, rx: 0.006, fill: palette.mat, stroke, width: 0.006 });
      return;
    case "chair": {
      const half = propSize.seatDepth / 2;
      const legW = 0.018;
      const seatTop = p.seat;
      const back = chairBackRect(p);
      if (p.back === "behind") {
        // seen from the front the backrest is a panel behind the sitter
        out.push({ kind: "rect", x1: p.x - half + 0.02, y1: seatTop, x2: p.x + half - 0.02, y2: seatTop + propSize.chairBackHeight, rx: 0.02, fill, stroke, width: sw });
      } else if (back) {
        out.push({ kind: "rect", x1: back.x1, y1: back.y1 - propSize.seatThickness, x2: back.x2, y2: back.y2, rx: 0.012, fill, stroke, width: sw });
      }
      for (const x of [p.x - half + legW, p.x + half - legW]) {
        out.push({ kind: "line", a: pt(x, 0.006), b: pt(x, seatTop - propSize.seatThickness), stroke, width: legW });
      }
      out.push({ kind: "rect", x1: p.x - half, y1: seatTop - propSize.seatThickness, x2: p.x + half, y2: seatTop, rx: 0.01, fill, stroke, width: sw });
      return;
    }
    case "step":
      out.push({ kind: "rect", x1: p.x - p.width / 2, y1: 0, x2: p.x + p.width / 2, y2: p.height, rx: 0.01, fill, stroke, width: sw });
      return;
    case "wall": {
      const x2 = p.side === "right" ? p.x + propSize.wallThickness : p.x - propSize.wallThickness;
      out.push({ kind: "rect", x1: Math.min(p.x, x2), y1: 0, x2: Math.max(p.x, x2), y2: frame.maxY, fill, stroke: "none", width: 0 });
      out.push({ kind: "line", a: pt(p.x, 0), b: pt(p.x, frame.maxY), stroke, width: sw });
      return;
    }
    case "counter": {
      const x1 = p.x - p.width / 2;
      const x2 = p.x + p.width / 2;
      out.push({ kind: "rect", x1: x1 + 0.02, y1: 0, x2: x2 - 0.02, y2: p.height - propSize.counterTop, fill, stroke, width: sw });
      out.push({ kind: "rect", x1, y1: p.height - propSize.counterTop, x2, y2: p.height, rx: 0.008, fill: palette.propStroke, stroke, width: sw });
      return;
    }
    case "roll":
    case "ball":
      out.push({ kind: "circle", c: pt(p.x, p.base + p.r), r: p.r - sw / 2, fill, stroke, width: sw });
      if (p.kind === "roll") out.push({ kind: "circle", c: pt(p.x, p.base + p.r), r: p.r * 0.45, fill: "none", stroke, width: sw * 0.7 });
      return;
    case "cushion":
      out.push({ kind: "rect", x1: p.x - p.width / 2, y1: 0, x2: p.x + p.width / 2, y2: p.height, rx: Math.min(p.height / 2, 0.03), fill, stroke, width: sw });
      return;
    case "board": {
      const top = propSize.boardTop;
      const cx = p.x;
      out.push({
        kind: "path",
        cmds: [["M", pt(cx - 0.09, top - propSize.boardSlab)], ["C", pt(cx - 0.07, 0), pt(cx + 0.07, 0), pt(cx + 0.09, top - propSize.boardSlab)], ["Z"]],
        fill: palette.propStroke,
        stroke,
        width: sw,
      });
      out.push({ kind: "rect", x1: cx - p.width / 2, y1: top - propSize.boardSlab, x2: cx + p.width / 2, y2: top, rx: 0.01, fill, stroke, width: sw });
      return;
    }
    case "post":
      out.push({ kind: "line", a: pt(p.x, 0.005), b: pt(p.x, p.height), stroke: palette.propStroke, width: 0.03 });
      out.push({ kind: "line", a: pt(p.x - 0.05, 0.005), b: pt(p.x + 0.05, 0.005), stroke: palette.propStroke, width: 0.02 });
      return;
    case "pad":
      out.push({ kind: "rect", x1: p.x1, y1: p.base, x2: p.x2, y2: p.base + propSize.padThickness, rx: 0.006, fill: palette.propFill, stroke, width: 0.006 });
      return;
    case "band":
      out.push({ kind: "line", a: endPoint(p.from, posed), b: endPoint(p.to, posed), stroke: palette.propDark, width: 0.016 });
      return;
    case "strap":
      out.push({ kind: "line", a: endPoint(p.from, posed), b: endPoint(p.to, posed), stroke: palette.propDark, width: 0.012 });
      return;
    case "towel": {
      const a = endPoint(p.from, posed);
      const b = endPoint(p.to, posed);
      out.push({ kind: "line", a, b, stroke: palette.propStroke, width: 0.034 });
      out.push({ kind: "line", a, b, stroke: palette.propFill, width: 0.02 });
      return;
    }
    case "dowel": {
      const { a, b } = dowelLine(posed);
      out.push({ kind: "line", a, b, stroke: palette.halo, width: 0.02 + 2 * HALO });
      out.push({ kind: "line", a, b, stroke: palette.wood, width: 0.02 });
      return;
    }
    case "ankleWeight": {
      const ankle = P(posed.at[p.at]);
      const knee = P(posed.at[p.at === "nearAnkle" ? "nearKnee" : "farKnee"]);
      const dir = unit(minus(knee, ankle));
      out.push({ kind: "line", a: plus(ankle, times(dir, 0.035)), b: plus(ankle, times(dir, 0.075)), stroke: palette.halo, width: 0.09 + 2 * HALO });
      out.push({ kind: "line", a: plus(ankle, times(dir, 0.035)), b: plus(ankle, times(dir, 0.075)), stroke: palette.propDark, width: 0.09 });
      return;
    }
    case "bike": {
      const crank = pt(p.x, p.crankHeight);
      const seatPost = pt(p.saddle.x - 0.02, p.saddle.y - 0.03);
      const base = [pt(p.x - 0.3, 0.015), pt(p.x + 0.3, 0.015)];
      out.push({ kind: "line", a: base[0], b: base[1], stroke: palette.propStroke, width: 0.03 });
      out.push({ kind: "line", a: pt(p.x - 0.08, 0.02), b: seatPost, stroke: palette.propStroke, width: 0.035 });
      out.push({ kind: "line", a: pt(p.x + 0.12, 0.02), b: pt(p.bars.x - 0.03, p.bars.y - 0.04), stroke: palette.propStroke, width: 0.035 });
      out.push({ kind: "line", a: crank, b: pt(p.x + 0.12, crank.y + 0.02), stroke: palette.propStroke, width: 0.03 });
      out.push({ kind: "circle", c: pt(p.x + 0.2, crank.y + 0.03), r: 0.09, fill, stroke, width: sw });
      out.push({ kind: "circle", c: crank, r: 0.05, fill, stroke, width: sw });
      out.push({ kind: "line", a: pt(p.saddle.x - propSize.saddleHalf, p.saddle.y - 0.012), b: pt(p.saddle.x + propSize.saddleHalf, p.saddle.y - 0.012), stroke: palette.propDark, width: 0.024 });
      out.push({ kind: "line", a: pt(p.bars.x - 0.03, p.bars.y - 0.04), b: p.bars, stroke: palette.propDark, width: 0.024 });
      return;
    }
    case "legPress": {
      const back = legPressBack(p);
      out.push({ kind: "line", a: pt(p.seat.x - 0.25, 0.015), b: pt(p.seat.x + 0.75, 0.015), stroke: palette.propStroke, width: 0.03 });
      out.push({ kind: "line", a: pt(p.seat.x - 0.03, 0.02), b: pt(p.seat.x - 0.03, p.seat.y - 0.04), stroke: palette.propStroke, width: 0.04 });
      out.push({ kind: "rect", x1: p.seat.x - 0.16, y1: p.seat.y - 0.045, x2: p.seat.x + 0.1, y2: p.seat.y, rx: 0.015, fill, stroke, width: sw });
      const n = unit(pt(back.b.y - back.a.y, -(back.b.x - back.a.x)));
      out.push({ kind: "line", a: plus(back.a, times(n, -0.022)), b: plus(back.b, times(n, -0.022)), stroke, width: 0.05 });
      out.push({ kind: "line", a: plus(back.a, times(n, -0.022)), b: plus(back.b, times(n, -0.022)), stroke: fill, width: 0.03 });
      return;
    }
    case "water":
      return;
  }
}

/** A dowel held along the back: parallel to the trunk, resting on the back of the pelvis, extending past the head. */
export function dowelLine(posed: Posed): { a: Pt; b: Pt } {
  const pelvis = P(posed.at.pelvis);
  const neck = P(posed.at.neck);
  const along = unit(minus(neck, pelvis));
  const facing = P(project(addV(posed.skeleton.points.pelvis, fwdOfPelvis(posed.skeleton)), posed.azimuth));
  const front = unit(minus(facing, pelvis));
  const back = times(front, -(body.width.trunk / 2 + 0.012));
  return { a: plus(plus(pelvis, back), times(along, -0.09)), b: plus(plus(neck, back), times(along, body.headOffset + body.headRadius + 0.05)) };
}
function fwdOfPelvis(s: Skeleton): Vec3 {
  const f = s.frames.pelvis;
  return [f[0], f[3], f[6]];
}

/** The foot plate of a leg press sits under the feet of whichever pose is drawn. */
function drawLegPressPlate(p: Extract<Prop, { kind: "legPress" }>, posed: Posed, out: WPrim[]) {
  const heel = P(posed.at.nearHeel);
  const toe = P(posed.at.nearToe);
  const along = unit(minus(toe, heel));
  const n = pt(along.y, -along.x); // away from the sole
  const mid = times(plus(heel, toe), 0.5);
  const a = plus(plus(mid, times(along, -0.13)), times(n, 0.018));
  const b = plus(plus(mid, times(along, 0.13)), times(n, 0.018));
  out.push({ kind: "line", a, b, stroke: palette.propDark, width: 0.03 });
  const rail = pt(p.seat.x + 0.7, 0.015);
  out.push({ kind: "line", a: plus(mid, times(n, 0.035)), b: pt(Math.min(rail.x, mid.x + 0.2), p.seat.y - 0.04), stroke: palette.propStroke, width: 0.025 });
}

function drawWater(p: Extract<Prop, { kind: "water" }>, frame: Frame, front: boolean, out: WPrim[]) {
  if (!front) {
    out.push({ kind: "rect", x1: frame.minX, y1: 0, x2: frame.maxX, y2: p.y, fill: palette.water, stroke: "none", width: 0 });
    return;
  }
  const cmds: Cmd[] = [];
  const waves = Math.max(4, Math.round((frame.maxX - frame.minX) / 0.16));
  const step = (frame.maxX - frame.minX) / waves;
  cmds.push(["M", pt(frame.minX, p.y)]);
  for (let i = 0; i < waves; i++) {
    const x0 = frame.minX + i * step;
    cmds.push(["C", pt(x0 + step * 0.3, p.y + 0.018), pt(x0 + step * 0.7, p.y - 0.018), pt(x0 + step, p.y)]);
  }
  out.push({ kind: "path", cmds, stroke: palette.waterLine, width: 0.012, fill: "none" });
}

// ---------------------------------------------------------------------------------------------
// Arrows and badges

const pivots: Partial<Record<string, string[]>> = {
  Elbow: ["Shoulder"],
  Wrist: ["Elbow", "Shoulder"],
  Palm: ["Elbow", "Shoulder"],
  Fingers: ["Wrist", "Elbow", "Shoulder"],
  Knee: ["Hip"],
  Ankle: ["Knee", "Hip"],
  Heel: ["Knee", "Hip"],
  Ball: ["Knee", "Hip"],
  Toe: ["Ankle", "Knee", "Hip"],
};

function pivotCandidates(joint: JointName): JointName[] {
  const m = /^(near|far)(\w+)$/.exec(joint);
  if (m) return (pivots[m[2]] ?? []).map((p) => `${m[1]}${p}` as JointName);
  if (joint === "head") return ["neck", "upperBack", "pelvis"];
  if (joint === "pelvis") return ["upperBack", "neck"];
  return ["pelvis"];
}

function arrowHead(tip: Pt, dir: Pt, size: number, color: string): WPrim {
  const d = unit(dir);
  const n = pt(-d.y, d.x);
  const base = plus(tip, times(d, -size));
  return { kind: "polygon", pts: [tip, plus(base, times(n, size * 0.55)), plus(base, times(n, -size * 0.55))], fill: color, stroke: color, width: 0.006 };
}

function drawPathArrow(spec: FigureSpec, from: Posed, to: Posed, out: WPrim[]) {
  const joint = spec.arrow?.joint;
  if (!joint) return;
  const a = P(from.at[joint]);
  const b = P(to.at[joint]);
  const travel = len(minus(b, a));
  if (travel < 0.02) return;
  const color = palette.accent;
  const width = 0.016;
  const head = 0.05;
  let best: { c: Pt; moved: number } | null = null;
  for (const cand of pivotCandidates(joint)) {
    const c0 = P(from.at[cand]);
    const c1 = P(to.at[cand]);
    const moved = len(minus(c1, c0));
    if (len(minus(a, c0)) < 0.08) continue;
    if (!best || moved < best.moved) best = { c: times(plus(c0, c1), 0.5), moved };
  }
  const points: Pt[] = [];
  if (best && best.moved < 0.3 * travel) {
    const { c } = best;
    const r0 = len(minus(a, c));
    const r1 = len(minus(b, c));
    const t0 = Math.atan2(a.y - c.y, a.x - c.x);
    let t1 = Math.atan2(b.y - c.y, b.x - c.x);
    while (t1 - t0 > Math.PI) t1 -= 2 * Math.PI;
    while (t1 - t0 < -Math.PI) t1 += 2 * Math.PI;
    const outward = body.width.thigh / 2 + 0.05;
    const steps = 32;
    // trim the start so the tail does not touch the ghost of the start position
    for (let i = 0; i <= steps; i++) {
      const f = 0.08 + (i / steps) * 0.9;
      const t = t0 + (t1 - t0) * f;
      const r = r0 + (r1 - r0) * f + outward;
      points.push(pt(c.x + Math.cos(t) * r, c.y + Math.sin(t) * r));
    }
  } else {
    const d = unit(minus(b, a));
    const build = (side: number) => {
      const n = times(pt(-d.y, d.x), 0.07 * side);
      const bend = times(pt(-d.y, d.x), 0.1 * travel * side);
      const steps = 24;
      const out: Pt[] = [];
      for (let i = 0; i <= steps; i++) {
        const f = 0.05 + (i / steps) * 0.85;
        out.push(plus(plus(plus(a, times(minus(b, a), f)), n), times(bend, Math.sin(Math.PI * f))));
      }
      return out;
    };
    let side = spec.arrow?.bulge ?? 1;
    // an arrow never runs under the floor
    if (spec.arrow?.bulge === undefined && build(side).some((p) => p.y < 0.03)) side = -side;
    points.push(...build(side));
  }
  const last = points[points.length - 1];
  const dir = minus(last, points[points.length - 3]);
  const tip = plus(last, times(unit(dir), head * 0.6));
  const cmds: Cmd[] = points.map((p, i) => [i === 0 ? "M" : "L", p] as Cmd);
  out.push({ kind: "path", cmds, stroke: palette.halo, width: width + 2 * HALO, fill: "none" });
  out.push({ kind: "path", cmds, stroke: color, width, fill: "none" });
  out.push(arrowHead(tip, dir, head, color));
}

function drawPressArrow(spec: FigureSpec, posed: Posed, out: WPrim[]) {
  const arrow = spec.arrow;
  if (!arrow) return;
  const j = P(posed.at[arrow.joint]);
  const t = ((arrow.direction ?? -90) * Math.PI) / 180;
  const d = pt(Math.cos(t), Math.sin(t));
  const gap = 0.075;
  const tip = plus(j, times(d, -gap));
  const tail = plus(tip, times(d, -0.13));
  out.push({ kind: "line", a: tail, b: plus(tip, times(d, -0.03)), stroke: palette.halo, width: 0.016 + 2 * HALO });
  out.push({ kind: "line", a: tail, b: plus(tip, times(d, -0.03)), stroke: palette.accent, width: 0.016 });
  out.push(arrowHead(tip, d, 0.05, palette.accent));
}

function drawHoldBadge(frame: Frame, k: number, labels: boolean, out: WPrim[]) {
  const r = 0.036 * k;
  const c = pt(frame.maxX - 0.25 * k, frame.maxY - 0.055 * k);
  out.push({ kind: "circle", c, r, fill: palette.halo, stroke: palette.accent, width: 0.011 * k });
  out.push({ kind: "line", a: c, b: plus(c, pt(0, r * 0.65)), stroke: palette.accent, width: 0.01 * k });
  out.push({ kind: "line", a: c, b: plus(c, pt(r * 0.5, 0)), stroke: palette.accent, width: 0.01 * k });
  if (labels) out.push({ kind: "text", at: pt(c.x + r + 0.015 * k, c.y - 0.024 * k), text: "Hold", size: LABEL_SIZE * k, fill: palette.accentText, anchor: "start", bold: true });
}

// ---------------------------------------------------------------------------------------------
// Framing

interface Frame {
  minX: number;
  maxX: number;
  minY: number;
  maxY: number;
}

function extendFrame(f: Frame, x: number, y: number, r = 0) {
  f.minX = Math.min(f.minX, x - r);
  f.maxX = Math.max(f.maxX, x + r);
  f.minY = Math.min(f.minY, y - r);
  f.maxY = Math.max(f.maxY, y + r);
}

function propExtent(p: Prop, f: Frame) {
  switch (p.kind) {
    case "mat":
    case "pad":
      extendFrame(f, p.x1, 0);
      extendFrame(f, p.x2, 0);
      return;
    case "chair":
      extendFrame(f, p.x - propSize.seatDepth / 2, p.seat + (p.back === "none" ? 0 : propSize.chairBackHeight));
      extendFrame(f, p.x + propSize.seatDepth / 2, p.seat);
      extendFrame(f, p.x + propSize.seatDepth / 2, 0);
      return;
    case "step":
    case "counter":
      extendFrame(f, p.x - p.width / 2, p.height);
      extendFrame(f, p.x + p.width / 2, 0);
      return;
    case "cushion":
      extendFrame(f, p.x - p.width / 2, p.height);
      extendFrame(f, p.x + p.width / 2, 0);
      return;
    case "wall":
      extendFrame(f, p.x + (p.side === "right" ? 1 : -1) * propSize.wallThickness, 0);
      extendFrame(f, p.x, 0);
      return;
    case "roll":
    case "ball":
      extendFrame(f, p.x, p.base + p.r, p.r);
      return;
    case "board":
      extendFrame(f, p.x - p.width / 2, propSize.boardTop);
      extendFrame(f, p.x + p.width / 2, 0);
      return;
    case "post":
      extendFrame(f, p.x, p.height, 0.05);
      return;
    case "bike":
      extendFrame(f, p.x - 0.3, 0);
      extendFrame(f, p.x + 0.3, p.bars.y);
      extendFrame(f, p.saddle.x - 0.08, p.saddle.y);
      return;
    case "legPress": {
      const back = legPressBack(p);
      extendFrame(f, p.seat.x - 0.25, 0);
      extendFrame(f, back.b.x - 0.03, back.b.y + 0.03);
      return;
    }
    case "band":
    case "towel":
    case "strap":
      for (const e of [p.from, p.to]) if (!("site" in e)) extendFrame(f, e.x, e.y, 0.02);
      return;
    default:
      return;
  }
}

function sceneFrame(spec: FigureSpec, poses: Posed[], labelSpace: number): Frame {
  const f: Frame = { minX: Infinity, maxX: -Infinity, minY: 0, maxY: -Infinity };
  for (const posed of poses) {
    for (const [name, p] of Object.entries(posed.at)) {
      const r = name === "head" ? body.headRadius + 0.02 : 0.05;
      extendFrame(f, p.x, p.y, r);
    }
  }
  for (const p of spec.props) propExtent(p, f);
  const pad = 0.06;
  return { minX: f.minX - pad, maxX: f.maxX + pad, minY: -0.035, maxY: f.maxY + labelSpace };
}

// ---------------------------------------------------------------------------------------------
// Panels

function drawPanel(
  spec: FigureSpec,
  pose: Pose,
  frame: Frame,
  accent: Set<BodyPart>,
  opts: { label?: string; hold: boolean; arrowFrom?: Pose; textScale: number; labels: boolean },
): WPrim[] {
  const azimuth = cameraAzimuth(spec);
  const posed = posePoints(pose, azimuth);
  const out: WPrim[] = [];
  out.push({ kind: "rect", x1: frame.minX, y1: frame.minY, x2: frame.maxX, y2: 0, fill: palette.ground, stroke: "none", width: 0 });
  for (const p of spec.props) if (p.kind === "water") drawWater(p, frame, false, out);
  out.push({ kind: "line", a: pt(frame.minX, 0), b: pt(frame.maxX, 0), stroke: palette.floor, width: 0.008 });
  for (const p of spec.props) if (!frontKinds.has(p.kind)) drawProp(p, posed, frame, out);
  drawBody(posed, accent, spec.inFront ?? [], out);
  for (const p of spec.props) if (p.kind === "legPress") drawLegPressPlate(p, posed, out);
  for (const p of spec.props) if (frontKinds.has(p.kind)) drawProp(p, posed, frame, out);
  for (const p of spec.props) if (p.kind === "water") drawWater(p, frame, true, out);
  if (spec.arrow) {
    if (spec.arrow.kind === "press") {
      if (opts.hold || opts.arrowFrom) drawPressArrow(spec, posed, out);
    } else if (opts.arrowFrom) {
      drawPathArrow(spec, posePoints(opts.arrowFrom, azimuth), posed, out);
    }
  }
  if (opts.label && opts.labels) {
    const k = opts.textScale;
    out.push({ kind: "text", at: pt(frame.minX + 0.05 * k, frame.maxY - 0.08 * k), text: opts.label, size: LABEL_SIZE * k, fill: palette.label, anchor: "start", bold: true });
  }
  if (opts.hold) drawHoldBadge(frame, opts.textScale, opts.labels, out);
  return out;
}

function accentParts(spec: FigureSpec): Set<BodyPart> {
  if (spec.accent) return new Set(spec.accent);
  const part = spec.arrow ? partOf(spec.arrow.joint) : null;
  return new Set(part ? [part] : []);
}

const round = (v: number) => Math.round(v * 100) / 100;

/** Turn a spec into drawing primitives. Deterministic: the same spec always gives the same drawing. */
export function renderFigure(spec: FigureSpec, options: RenderOptions = {}): FigureDrawing {
  const which = spec.end ? (options.which ?? "both") : "start";
  const azimuth = cameraAzimuth(spec);
  const poses = [spec.start, ...(spec.end ? [spec.end] : [])].map((p) => posePoints(p, azimuth));
  // labels and badges keep one size relative to the picture's width, which is how pictures are laid out
  const base = sceneFrame(spec, poses, LABEL_SPACE);
  const twoPanels = which === "both" && spec.end !== null;
  const bw = base.maxX - base.minX;
  const bh = base.maxY - base.minY;
  const across = Math.abs(Math.log((2 * bw + PANEL_GAP) / bh) - Math.log(1.2)) <= Math.abs(Math.log(bw / (2 * bh + PANEL_GAP)) - Math.log(1.2));
  const outWidth = twoPanels && across ? 2 * bw + PANEL_GAP : bw;
  let textScale = Math.min(1.8, Math.max(0.75, outWidth / 1.3));
  const box = options.box;
  if (box) {
    // Grow the labels until they reach minLabelPx in the box. Their space grows with them, so the
    // picture shrinks a little each time: a few rounds settle it (the size rises with the scale).
    for (let i = 0; i < 12; i++) {
      const f = sceneFrame(spec, poses, LABEL_SPACE * textScale);
      const fw = f.maxX - f.minX;
      const fh = f.maxY - f.minY;
      const pictureW = twoPanels && across ? 2 * fw + PANEL_GAP : fw;
      const pictureH = twoPanels && !across ? 2 * fh + PANEL_GAP : fh;
      const pxPerUnit = Math.min(box.width / pictureW, box.height ? box.height / pictureH : Infinity);
      const px = LABEL_SIZE * textScale * pxPerUnit;
      // (aiming a little above: the box is the caller's estimate of a layout, not a measurement)
      if (px >= minLabelPx * 1.05) break;
      textScale *= ((minLabelPx * 1.06) / px) * 1.01;
    }
  }
  const labels = options.labels ?? true;
  const frame = sceneFrame(spec, poses, LABEL_SPACE * textScale);
  const w = frame.maxX - frame.minX;
  const h = frame.maxY - frame.minY;
  const accent = accentParts(spec);

  type Placed = { prims: WPrim[]; dx: number; dy: number };
  const panels: Placed[] = [];
  let totalW = w;
  let totalH = h;
  if (twoPanels && spec.end) {
    // the two panels side by side or stacked, whichever brings the whole picture closer to 6:5
    const sideBySide = across;
    const startPrims = drawPanel(spec, spec.start, frame, accent, { label: "Start", hold: false, textScale, labels });
    const endPrims = drawPanel(spec, spec.end, frame, accent, { label: "End", hold: spec.hold, arrowFrom: spec.start, textScale, labels });
    panels.push({ prims: startPrims, dx: 0, dy: 0 });
    if (sideBySide) {
      panels.push({ prims: endPrims, dx: w + PANEL_GAP, dy: 0 });
      totalW = 2 * w + PANEL_GAP;
    } else {
      panels.push({ prims: endPrims, dx: 0, dy: h + PANEL_GAP });
      totalH = 2 * h + PANEL_GAP;
    }
  } else if (which === "end" && spec.end) {
    panels.push({ prims: drawPanel(spec, spec.end, frame, accent, { hold: spec.hold, arrowFrom: spec.start, textScale, labels }), dx: 0, dy: 0 });
  } else {
    panels.push({ prims: drawPanel(spec, spec.start, frame, accent, { hold: spec.hold && !spec.end, textScale, labels }), dx: 0, dy: 0 });
  }

  const primitives: Primitive[] = [];
  for (const panel of panels) {
    const X = (x: number) => round((x - frame.minX + panel.dx) * UNIT);
    const Y = (y: number) => round((frame.maxY - y + panel.dy) * UNIT);
    const S = (v: number) => round(v * UNIT);
    for (const p of panel.prims) primitives.push(toPrimitive(p, X, Y, S));
  }
  if (panels.length === 2) {
    // a thin divider between the panels
    const vertical = panels[1].dx > 0;
    primitives.push(
      vertical
        ? { kind: "line", x1: round((w + PANEL_GAP / 2) * UNIT), y1: round(0.04 * UNIT), x2: round((w + PANEL_GAP / 2) * UNIT), y2: round((h - 0.04) * UNIT), stroke: palette.ground, strokeWidth: round(0.008 * UNIT) }
        : { kind: "line", x1: round(0.04 * UNIT), y1: round((h + PANEL_GAP / 2) * UNIT), x2: round((w - 0.04) * UNIT), y2: round((h + PANEL_GAP / 2) * UNIT), stroke: palette.ground, strokeWidth: round(0.008 * UNIT) },
    );
  }
  const vbW = round(totalW * UNIT);
  const vbH = round(totalH * UNIT);
  let outW = options.width ?? (options.height ? (options.height * vbW) / vbH : 320);
  let outH = options.height && !options.width ? options.height : (outW * vbH) / vbW;
  outW = round(outW);
  outH = round(outH);
  return { viewBox: `0 0 ${vbW} ${vbH}`, width: outW, height: outH, primitives };
}

function toPrimitive(p: WPrim, X: (x: number) => number, Y: (y: number) => number, S: (v: number) => number): Primitive {
  const pts = (ps: Pt[]) => ps.map((q) => `${X(q.x)},${Y(q.y)}`).join(" ");
  switch (p.kind) {
    case "line":
      return { kind: "line", x1: X(p.a.x), y1: Y(p.a.y), x2: X(p.b.x), y2: Y(p.b.y), stroke: p.stroke, strokeWidth: S(p.width), ...(p.opacity !== undefined ? { opacity: p.opacity } : {}) };
    case "path": {
      const d = p.cmds
        .map((c) => {
          if (c[0] === "Z") return "Z";
          if (c[0] === "C") return `C${X(c[1].x)} ${Y(c[1].y)} ${X(c[2].x)} ${Y(c[2].y)} ${X(c[3].x)} ${Y(c[3].y)}`;
          return `${c[0]}${X(c[1].x)} ${Y(c[1].y)}`;
        })
        .join(" ");
      return { kind: "path", d, stroke: p.stroke, fill: p.fill ?? "none", strokeWidth: S(p.width ?? 0), ...(p.opacity !== undefined ? { opacity: p.opacity } : {}) };
    }
    case "circle":
      return { kind: "circle", cx: X(p.c.x), cy: Y(p.c.y), r: S(p.r), fill: p.fill ?? "none", ...(p.stroke ? { stroke: p.stroke, strokeWidth: S(p.width ?? 0) } : {}) };
    case "polygon":
      return { kind: "polygon", points: pts(p.pts), fill: p.fill ?? "none", ...(p.stroke ? { stroke: p.stroke, strokeWidth: S(p.width ?? 0) } : {}) };
    case "rect":
      return {
        kind: "rect",
        x: X(Math.min(p.x1, p.x2)),
        y: Y(Math.max(p.y1, p.y2)),
        width: S(Math.abs(p.x2 - p.x1)),
        height: S(Math.abs(p.y2 - p.y1)),
        ...(p.rx ? { rx: S(p.rx) } : {}),
        fill: p.fill ?? "none",
        ...(p.stroke && p.stroke !== "none" ? { stroke: p.stroke, strokeWidth: S(p.width ?? 0) } : {}),
      };
    case "text":
      return { kind: "text", x: X(p.at.x), y: Y(p.at.y), text: p.text, fontSize: S(p.size), fill: p.fill, anchor: p.anchor, fontWeight: p.bold ? "bold" : "normal" };
  }
}

/** The joint positions of a pose in the picture plane of a spec's view (for tests and tools). */
export function pictureJoints(spec: FigureSpec, pose: Pose): Record<JointName, Projected> {
  return posePoints(pose, cameraAzimuth(spec)).at;
}

