// Forward kinematics: from a pose (root + joint angles) to 3-D joint positions, and the camera projection.
import { segment, type BodySide, type FigureSpec, type JointName, type Limb, type Pose } from "./model";

export type Vec3 = readonly [number, number, number];
/** A rotation, row-major 3×3. Columns are the local forward (f), up (u) and near-side (r) axes. */
export type Mat3 = readonly [number, number, number, number, number, number, number, number, number];

const rad = Math.PI / 180;

export function rotX(deg: number): Mat3 {
  const c = Math.cos(deg * rad);
  const s = Math.sin(deg * rad);
  return [1, 0, 0, 0, c, -s, 0, s, c];
}
export function rotY(deg: number): Mat3 {
  const c = Math.cos(deg * rad);
  const s = Math.sin(deg * rad);
  return [c, 0, s, 0, 1, 0, -s, 0, c];
}
export function rotZ(deg: number): Mat3 {
  const c = Math.cos(deg * rad);
  const s = Math.sin(deg * rad);
  return [c, -s, 0, s, c, 0, 0, 0, 1];
}
export function mul(a: Mat3, b: Mat3): Mat3 {
  const m = new Array<number>(9);
  for (let i = 0; i < 3; i++) {
    for (let j = 0; j < 3; j++) {
      m[i * 3 + j] = a[i * 3] * b[j] + a[i * 3 + 1] * b[3 + j] + a[i * 3 + 2] * b[6 + j];
    }
  }
  return m as unknown as Mat3;
}
function chain(...ms: Mat3[]): Mat3 {
  return ms.reduce((acc, m) => mul(acc, m));
}
const col = (m: Mat3, j: number): Vec3 => [m[j], m[3 + j], m[6 + j]];
export const fwd = (m: Mat3) => col(m, 0);
export const up = (m: Mat3) => col(m, 1);
export const lateral = (m: Mat3) => col(m, 2);

export const add = (a: Vec3, b: Vec3): Vec3 => [a[0] + b[0], a[1] + b[1], a[2] + b[2]];
export const sub = (a: Vec3, b: Vec3): Vec3 => [a[0] - b[0], a[1] - b[1], a[2] - b[2]];
export const scale = (a: Vec3, k: number): Vec3 => [a[0] * k, a[1] * k, a[2] * k];
export const dist = (a: Vec3, b: Vec3) => Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);
/** a + Σ v·k */
function along(a: Vec3, ...terms: [Vec3, number][]): Vec3 {
  let p = a;
  for (const [v, k] of terms) p = add(p, scale(v, k));
  return p;
}

/** Where a figure's shapes sit relative to its joints (also H fractions). */
export const body = {
  /** the head's centre lies this far from the top of the trunk along the neck … */
  headOffset: segment.headNeck - segment.headHeight / 2,
  /** … and this far toward the face (the back of the head lines up with the upper back) */
  headForward: 0.003,
  headRadius: segment.headHeight / 2,
  heelBack: 0.03,
  ballAt: 0.11,
  palmAt: 0.045,
  /** drawn thickness of each part; contacts rest on the surface of these */
  width: {
    trunk: 0.125,
    neck: 0.052,
    upperArm: 0.054,
    forearm: 0.046,
    hand: 0.036,
    thigh: 0.08,
    shank: 0.062,
    foot: 0.012,
  },
  /** half-breadths of the drawn trunk outline at pelvis, lower back, upper back and shoulders */
  trunkHalf: [0.052, 0.036, 0.058, 0.074] as const,
} as const;

/** The distance from a contact point to the surface it rests on (the drawn half-thickness there). */
export function contactRadius(site: JointName): number {
  const w = body.width;
  switch (site) {
    case "pelvis":
    case "lowerBack":
    case "upperBack":
    case "neck":
      return w.trunk / 2;
    case "head":
      return body.headRadius;
    default:
      break;
  }
  const part = site.replace(/^(near|far)/, "");
  switch (part) {
    case "Shoulder":
      return 0.05;
    case "Elbow":
      return w.upperArm / 2;
    case "Wrist":
      return w.forearm / 2;
    case "Palm":
    case "Fingers":
      return w.hand / 2;
    case "Hip":
      return 0.06;
    case "Knee":
      return w.thigh / 2;
    case "Ankle":
      return w.shank / 2;
    default:
      // heel, ball and toe are points on the sole itself
      return 0;
  }
}

export interface LimbFrames {
  arm: Mat3;
  forearm: Mat3;
  hand: Mat3;
  thigh: Mat3;
  shank: Mat3;
  foot: Mat3;
}

export interface Skeleton {
  points: Record<JointName, Vec3>;
  frames: {
    pelvis: Mat3;
    lowerTrunk: Mat3;
    upperTrunk: Mat3;
    head: Mat3;
    near: LimbFrames;
    far: LimbFrames;
  };
  /** trunk outline, near-side and far-side edges from pelvis to shoulders */
  trunkEdges: { near: Vec3[]; far: Vec3[] };
  /** points around each foot (both edges of the sole, heel, toe, instep); the drawn foot is their outline */
  feet: Record<BodySide, { outline: Vec3[]; ankle: Vec3 }>;
}

const spineSegment = segment.trunk / 3;

/** Place every joint of the pose in 3-D (H units). Segment lengths are fixed by the model. */
export function forwardKinematics(pose: Pose): Skeleton {
  const { root, spine, neck } = pose;
  const pelvisFrame = chain(rotY(root.turn), rotZ(-root.pitch), rotX(-root.tilt), rotY(root.spin));
  // two spinal joints share the movement, so a flexed spine reads as a curve
  const spineJoint = chain(rotZ(-spine.flex / 2), rotX(spine.bend / 2), rotY(spine.twist / 2));
  const f1 = pelvisFrame;
  const f2 = mul(f1, spineJoint);
  const f3 = mul(f2, spineJoint);
  const p0: Vec3 = [root.x, root.y, root.z];
  const p1 = along(p0, [up(f1), spineSegment]);
  const p2 = along(p1, [up(f2), spineSegment]);
  const p3 = along(p2, [up(f3), spineSegment]);
  const headFrame = chain(f3, rotZ(-neck.flex), rotY(neck.turn));
  const head = along(p3, [up(headFrame), body.headOffset], [fwd(headFrame), body.headForward]);

  const points = {
    pelvis: p0,
    lowerBack: p1,
    upperBack: p2,
    neck: p3,
    head,
  } as Record<JointName, Vec3>;

  const limbFrames = {} as Record<BodySide, LimbFrames>;
  const feet = {} as Skeleton["feet"];
  for (const side of ["near", "far"] as const) {
    const sg = side === "near" ? 1 : -1;
    const limb: Limb = pose[side];
    const shoulder = along(p3, [lateral(f3), (sg * segment.shoulderWidth) / 2]);
    const arm = chain(f3, rotZ(limb.shoulder.flex), rotX(-sg * limb.shoulder.abd), rotY(-sg * limb.shoulder.rot));
    const elbow = along(shoulder, [up(arm), -segment.upperArm]);
    const forearm = mul(arm, rotZ(limb.elbow));
    const wrist = along(elbow, [up(forearm), -segment.forearm]);
    const hand = mul(forearm, rotZ(limb.wrist));
    const palm = along(wrist, [up(hand), -body.palmAt]);
    const fingers = along(wrist, [up(hand), -segment.hand]);

    const hip = along(p0, [lateral(pelvisFrame), (sg * segment.hipWidth) / 2]);
    const thigh = chain(pelvisFrame, rotZ(limb.hip.flex), rotX(-sg * limb.hip.abd), rotY(-sg * limb.hip.rot));
    const knee = along(hip, [up(thigh), -segment.thigh]);
    const shank = mul(thigh, rotZ(-limb.knee));
    const ankle = along(knee, [up(shank), -segment.shank]);
    const foot = mul(shank, rotZ(limb.ankle));
    const sole = fwd(foot);
    const normal = up(foot);
    const heel = along(ankle, [normal, -segment.ankleHeight], [sole, -body.heelBack]);
    const ball = along(heel, [sole, body.ballAt]);
    const toe = along(heel, [sole, segment.foot]);
    const out = lateral(foot);
    // a shoe-like outline: sole from heel to toe, a rounded heel, the instep up to the ankle
    const at = (a: number, n: number, l: number) => along(ankle, [sole, a], [normal, n], [out, sg * l]);
    const outline: Vec3[] = [];
    for (const l of [-0.022, 0.026]) {
      outline.push(at(0.005, 0.01, l * 0.5), at(-body.heelBack, -0.016, l * 0.7), at(-body.heelBack + 0.008, -segment.ankleHeight, l * 0.7));
      outline.push(at(segment.foot - body.heelBack - 0.01, -segment.ankleHeight, l), at(segment.foot - body.heelBack, -0.03, l * 0.8), at(0.07, -0.012, l));
    }
    feet[side] = { outline, ankle };

    const prefix = side;
    points[`${prefix}Shoulder`] = shoulder;
    points[`${prefix}Elbow`] = elbow;
    points[`${prefix}Wrist`] = wrist;
    points[`${prefix}Palm`] = palm;
    points[`${prefix}Fingers`] = fingers;
    points[`${prefix}Hip`] = hip;
    points[`${prefix}Knee`] = knee;
    points[`${prefix}Ankle`] = ankle;
    points[`${prefix}Heel`] = heel;
    points[`${prefix}Ball`] = ball;
    points[`${prefix}Toe`] = toe;
    limbFrames[side] = { arm, forearm, hand, thigh, shank, foot };
  }

  const levels: [Vec3, Mat3][] = [
    [p0, f1],
    [p1, f2],
    [p2, f3],
    [p3, f3],
  ];
  const trunkEdges = {
    near: levels.map(([p, f], i) => along(p, [lateral(f), body.trunkHalf[i]])),
    far: levels.map(([p, f], i) => along(p, [lateral(f), -body.trunkHalf[i]])),
  };

  return {
    points,
    frames: {
      pelvis: pelvisFrame,
      lowerTrunk: f2,
      upperTrunk: f3,
      head: headFrame,
      near: limbFrames.near,
      far: limbFrames.far,
    },
    trunkEdges,
    feet,
  };
}

/** The segments whose lengths the model fixes, as pairs of joints with their lengths. */
export const modelSegments: readonly [JointName, JointName, number][] = [
  ["nearShoulder", "nearElbow", segment.upperArm],
  ["nearElbow", "nearWrist", segment.forearm],
  ["nearWrist", "nearFingers", segment.hand],
  ["nearHip", "nearKnee", segment.thigh],
  ["nearKnee", "nearAnkle", segment.shank],
  ["nearHeel", "nearToe", segment.foot],
  ["farShoulder", "farElbow", segment.upperArm],
  ["farElbow", "farWrist", segment.forearm],
  ["farWrist", "farFingers", segment.hand],
  ["farHip", "farKnee", segment.thigh],
  ["farKnee", "farAnkle", segment.shank],
  ["farHeel", "farToe", segment.foot],
  ["nearShoulder", "farShoulder", segment.shoulderWidth],
  ["nearHip", "farHip", segment.hipWidth],
];

/** The camera's angle about the vertical: 0 looks along −z (side view), 90 looks along −x (front view). */
export function cameraAzimuth(spec: Pick<FigureSpec, "view" | "turn">): number {
  return (spec.view === "front" ? 90 : 0) + (spec.turn ?? 0);
}

/** A point in the picture plane (H units, y up) and its depth toward the viewer. */
export interface Projected {
  x: number;
  y: number;
  depth: number;
}

export function project(p: Vec3, azimuthDeg: number): Projected {
  const c = Math.cos(azimuthDeg * rad);
  const s = Math.sin(azimuthDeg * rad);
  return { x: p[0] * c - p[2] * s, y: p[1], depth: p[0] * s + p[2] * c };
}
