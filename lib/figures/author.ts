// Tools for writing figures: fill a pose from the few angles that matter, and solve the rest
// (a small least-squares solver) so that hands, feet, knees and backs rest exactly where they should.
import { cameraAzimuth, contactRadius, forwardKinematics, project } from "./kinematics";
import { floorSurface, propSurfaces, signedDistance } from "./geometry";
import type { BallJoint, Contact, FigureSpec, JointName, Limb, Pose, Prop } from "./model";

type LimbInput = {
  shoulder?: Partial<BallJoint>;
  elbow?: number;
  wrist?: number;
  hip?: Partial<BallJoint>;
  knee?: number;
  ankle?: number;
};

export interface PoseInput {
  root?: Partial<Pose["root"]>;
  spine?: Partial<Pose["spine"]>;
  neck?: Partial<Pose["neck"]>;
  /** applied to both sides, then `near` / `far` override */
  both?: LimbInput;
  near?: LimbInput;
  far?: LimbInput;
  contacts?: Contact[];
}

const joint = (j?: Partial<BallJoint>, k?: Partial<BallJoint>): BallJoint => ({
  flex: k?.flex ?? j?.flex ?? 0,
  abd: k?.abd ?? j?.abd ?? 0,
  rot: k?.rot ?? j?.rot ?? 0,
});

function limb(both: LimbInput | undefined, side: LimbInput | undefined): Limb {
  return {
    shoulder: joint(both?.shoulder, side?.shoulder),
    elbow: side?.elbow ?? both?.elbow ?? 0,
    wrist: side?.wrist ?? both?.wrist ?? 0,
    hip: joint(both?.hip, side?.hip),
    knee: side?.knee ?? both?.knee ?? 0,
    ankle: side?.ankle ?? both?.ankle ?? 0,
  };
}

/** A complete pose from the angles given; everything else is zero (standing tall, arms by the sides). */
export function makePose(input: PoseInput = {}): Pose {
  return {
    root: { x: 0, y: 0.53, z: 0, pitch: 0, tilt: 0, spin: 0, turn: 0, ...input.root },
    spine: { flex: 0, bend: 0, twist: 0, ...input.spine },
    neck: { flex: 0, turn: 0, ...input.neck },
    near: limb(input.both, input.near),
    far: limb(input.both, input.far),
    contacts: input.contacts ?? [],
  };
}

/** Change some angles of an existing pose. */
export function modify(pose: Pose, input: PoseInput): Pose {
  const merged: PoseInput = {
    root: { ...pose.root, ...input.root },
    spine: { ...pose.spine, ...input.spine },
    neck: { ...pose.neck, ...input.neck },
    near: mergeLimb(pose.near, input.both, input.near),
    far: mergeLimb(pose.far, input.both, input.far),
    contacts: input.contacts ?? pose.contacts,
  };
  return makePose(merged);
}

function mergeLimb(base: Limb, both?: LimbInput, side?: LimbInput): LimbInput {
  return {
    shoulder: { ...base.shoulder, ...both?.shoulder, ...side?.shoulder },
    hip: { ...base.hip, ...both?.hip, ...side?.hip },
    elbow: side?.elbow ?? both?.elbow ?? base.elbow,
    wrist: side?.wrist ?? both?.wrist ?? base.wrist,
    knee: side?.knee ?? both?.knee ?? base.knee,
    ankle: side?.ankle ?? both?.ankle ?? base.ankle,
  };
}

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

export interface Scene {
  view: FigureSpec["view"];
  turn?: number;
  props: Prop[];
}

function surfacesFor(scene: Scene, on: string) {
  if (on === "floor") return [floorSurface];
  const prop = scene.props.find((p) => (p.id ?? p.kind) === on);
  if (!prop) throw new Error(`No prop "${on}" in this figure`);
  return propSurfaces(prop);
}

/** How far each contact of a pose is from resting on its surface (0 = resting exactly). */
export function contactErrors(scene: Scene, pose: Pose): { contact: Contact; error: number }[] {
  const az = cameraAzimuth(scene);
  const points = forwardKinematics(pose).points;
  return pose.contacts.map((contact) => {
    const p = project(points[contact.site], az);
    const r = contactRadius(contact.site);
    const surfaces = surfacesFor(scene, contact.on);
    let error = Infinity;
    for (const s of surfaces) {
      const e = signedDistance(p, s) - r;
      if (Math.abs(e) < Math.abs(error)) error = e;
    }
    return { contact, error };
  });
}

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
