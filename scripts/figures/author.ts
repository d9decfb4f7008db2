// The offline figure solver (authoring only; the app reads the generated lib/figures/library.json):
// a small least-squares solver that settles hands, feet, knees and backs exactly where they should rest.
import { cameraAzimuth, contactRadius, forwardKinematics, project } from "@/lib/figures/kinematics";
import { signedDistance } from "@/lib/figures/geometry";
import type { JointName, Pose } from "@/lib/figures/model";
import { surfacesFor, type Scene } from "@/lib/figures/pose";

export { makePose, modify, type PoseInput, type Scene } from "@/lib/figures/pose";

/** A parameter of a pose, as a dotted path: "root.y", "near.knee", "far.hip.flex", "spine.flex". */
export type Param = string;

function getParam(pose: Pose, path: Param): number {
  let v: unknown = pose;
  for (const k of path.split(".")) v = (v as Record<string, unknown>)[k];
  if (typeof v !== "number") throw new Error(`Not a pose parameter: ${path}`);
  return v;
}

function setParam(pose: Pose, path: Param, value: number): void {
  const keys = path.split(".");
  let o = pose as unknown as Record<string, unknown>;
  for (const k of keys.slice(0, -1)) o = o[k] as Record<string, unknown>;
  o[keys[keys.length - 1]] = value;
}

/** Anatomical ranges the solver keeps joints within (degrees). */
const ranges: Record<string, [number, number]> = {
  "hip.flex": [-35, 168],
  "hip.abd": [-35, 70],
  "hip.rot": [-60, 80],
  knee: [-4, 165],
  ankle: [-100, 45],
  "shoulder.flex": [-80, 195],
  "shoulder.abd": [-40, 185],
  "shoulder.rot": [-95, 95],
  elbow: [-6, 155],
  wrist: [-90, 100],
  "spine.flex": [-85, 75],
  "spine.bend": [-45, 45],
  "spine.twist": [-60, 60],
  "neck.flex": [-60, 65],
  "neck.turn": [-95, 95],
};
function rangeOf(path: Param): [number, number] {
  const key = path.replace(/^(near|far)\./, "");
  return ranges[key] ?? [-1e6, 1e6];
}
const clamp = (v: number, [lo, hi]: [number, number]) => Math.min(hi, Math.max(lo, v));

const clone = (p: Pose): Pose => JSON.parse(JSON.stringify(p)) as Pose;

/** Something a solved pose must satisfy, in the picture plane. */
export type Goal =
  | { site: JointName; on: string }
  | { site: JointName; x?: number; y?: number }
  | { site: JointName; distanceTo: { x: number; y: number }; d: number }
  /** keep `site` level with (dx from) another joint horizontally, or (dy) vertically */
  | { site: JointName; alignX: JointName; dx?: number }
  | { site: JointName; alignY: JointName; dy?: number }
  /** keep `site` a 3-D distance `d` from another joint (an ankle resting on the other knee) */
  | { site: JointName; touch: JointName; d: number };

function residuals(scene: Scene, pose: Pose, goals: Goal[]): number[] {
  const az = cameraAzimuth(scene);
  const points = forwardKinematics(pose).points;
  const out: number[] = [];
  for (const g of goals) {
    const p = project(points[g.site], az);
    if ("on" in g) {
      const r = contactRadius(g.site);
      if (g.on === "floor") {
        out.push(p.y - r);
      } else {
        const surfaces = surfacesFor(scene, g.on);
        let best = Infinity;
        for (const s of surfaces) {
          const e = signedDistance(p, s) - r;
          if (Math.abs(e) < Math.abs(best)) best = e;
        }
        out.push(best);
      }
    } else if ("touch" in g) {
      const q = points[g.touch];
      const a = points[g.site];
      out.push(Math.hypot(a[0] - q[0], a[1] - q[1], a[2] - q[2]) - g.d);
    } else if ("alignX" in g) {
      out.push(p.x - project(points[g.alignX], az).x - (g.dx ?? 0));
    } else if ("alignY" in g) {
      out.push(p.y - project(points[g.alignY], az).y - (g.dy ?? 0));
    } else if ("distanceTo" in g) {
      out.push(Math.hypot(p.x - g.distanceTo.x, p.y - g.distanceTo.y) - g.d);
    } else {
      if (g.x !== undefined) out.push(p.x - g.x);
      if (g.y !== undefined) out.push(p.y - g.y);
    }
  }
  return out;
}

function solveLinear(a: number[][], b: number[]): number[] {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i]]);
  for (let c = 0; c < n; c++) {
    let piv = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r][c]) > Math.abs(m[piv][c])) piv = r;
    [m[c], m[piv]] = [m[piv], m[c]];
    const d = m[c][c] || 1e-12;
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const f = m[r][c] / d;
      for (let k = c; k <= n; k++) m[r][k] -= f * m[c][k];
    }
  }
  return m.map((row, i) => row[n] / (row[i] || 1e-12));
}

/**
 * Adjust the `free` parameters of a pose as little as possible so every goal is met, and every
 * contact declared on the pose rests on its surface. Angles move in degrees, lengths in H.
 */
export function settle(scene: Scene, pose: Pose, free: Param[], goals: Goal[] = []): Pose {
  const all: Goal[] = [...pose.contacts.map((c) => ({ site: c.site, on: c.on })), ...goals];
  const scales = free.map((p) => (p.startsWith("root.") && ["x", "y", "z"].includes(p.split(".")[1]) ? 1 : 180 / Math.PI));
  let current = clone(pose);
  let r = residuals(scene, current, all);
  let cost = r.reduce((s, v) => s + v * v, 0);
  let lambda = 1e-3;
  for (let iter = 0; iter < 200 && cost > 1e-14; iter++) {
    const h = 1e-6;
    const jac: number[][] = r.map(() => new Array<number>(free.length).fill(0));
    free.forEach((path, j) => {
      const probe = clone(current);
      setParam(probe, path, getParam(current, path) + h * scales[j]);
      const rp = residuals(scene, probe, all);
      rp.forEach((v, i) => (jac[i][j] = (v - r[i]) / h));
    });
    const n = free.length;
    const jtj = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, k) => jac.reduce((s, row) => s + row[i] * row[k], 0)));
    const jtr = Array.from({ length: n }, (_, i) => jac.reduce((s, row, ri) => s + row[i] * r[ri], 0));
    let improved = false;
    for (let tries = 0; tries < 12; tries++) {
      const a = jtj.map((row, i) => row.map((v, k) => (i === k ? v * (1 + lambda) + lambda * 1e-3 + 1e-9 : v)));
      const step = solveLinear(a, jtr.map((v) => -v));
      const trial = clone(current);
      // a trust region: no joint turns more than 15° (or moves more than 0.05 H) per step
      const biggest = Math.max(...step.map((v) => Math.abs(v)));
      const k = biggest > 0.26 ? 0.26 / biggest : 1;
      free.forEach((path, j) => setParam(trial, path, clamp(getParam(current, path) + step[j] * k * scales[j], rangeOf(path))));
      const rt = residuals(scene, trial, all);
      const ct = rt.reduce((s, v) => s + v * v, 0);
      if (ct < cost) {
        current = trial;
        r = rt;
        cost = ct;
        lambda = Math.max(lambda / 3, 1e-9);
        improved = true;
        break;
      }
      lambda *= 4;
    }
    if (!improved) break;
  }
  // stored figures carry tidy numbers
  for (const path of free) {
    const isLength = ["root.x", "root.y", "root.z"].includes(path);
    const v = getParam(current, path);
    setParam(current, path, isLength ? Math.round(v * 1e5) / 1e5 : Math.round(v * 1000) / 1000);
  }
  return current;
}

/** The largest miss of any goal after solving (for checks while writing figures). */
export function worstMiss(scene: Scene, pose: Pose, goals: Goal[] = []): number {
  const all: Goal[] = [...pose.contacts.map((c) => ({ site: c.site, on: c.on })), ...goals];
  return Math.max(0, ...residuals(scene, pose, all).map(Math.abs));
}

/** Where a joint of a pose appears in the picture plane. */
export function pointOf(scene: Scene, pose: Pose, site: JointName): { x: number; y: number } {
  const p = project(forwardKinematics(pose).points[site], cameraAzimuth(scene));
  return { x: p.x, y: p.y };
}
