// The figure data model: a body pose (root + joint angles), props and the start/end pair for one exercise.
// Plain JSON only: figures are stored in Postgres jsonb and frozen into issued plan snapshots.
import { z } from "zod";

/**
 * Units: lengths are fractions of standing height H (so H = 1), angles are degrees.
 * World axes: x forward (to the right of a side view), y up with the floor at y = 0,
 * z toward the viewer of a side view. A body with every angle at zero stands upright
 * facing +x; its "near" side is the one toward the side-view camera (+z).
 */

/** Standing-height fractions (Drillis & Contini, via Winter's Biomechanics). */
export const segment = {
  headNeck: 0.182,
  trunk: 0.288,
  upperArm: 0.186,
  forearm: 0.146,
  hand: 0.108,
  thigh: 0.245,
  shank: 0.246,
  ankleHeight: 0.039,
  foot: 0.152,
  shoulderWidth: 0.259,
  hipWidth: 0.191,
  headHeight: 0.13,
} as const;

export const sides = ["near", "far"] as const;
export type BodySide = (typeof sides)[number];

const limbPointNames = [
  "Shoulder",
  "Elbow",
  "Wrist",
  "Palm",
  "Fingers",
  "Hip",
  "Knee",
  "Ankle",
  "Heel",
  "Ball",
  "Toe",
] as const;
export type LimbPoint = (typeof limbPointNames)[number];

/** Every named point of the body: joints, plus contact points such as heel, ball of foot and palm. */
export const jointNames = [
  "pelvis",
  "lowerBack",
  "upperBack",
  "neck",
  "head",
  ...limbPointNames.map((p) => `near${p}` as const),
  ...limbPointNames.map((p) => `far${p}` as const),
] as const;
export const jointNameSchema = z.enum(jointNames);
export type JointName = z.infer<typeof jointNameSchema>;

/** Parts of the body that can be drawn in the accent colour. */
export const bodyParts = ["trunk", "head", "nearArm", "farArm", "nearLeg", "farLeg"] as const;
export const bodyPartSchema = z.enum(bodyParts);
export type BodyPart = z.infer<typeof bodyPartSchema>;

const num = z.number().finite();
const angle = z.number().finite().min(-360).max(360);

const ballJointSchema = z.object({
  /** forward (+) / backward (−) in the sagittal plane */
  flex: angle,
  /** away from the midline (+) */
  abd: angle,
  /** external (+) / internal (−) rotation about the limb's long axis */
  rot: angle,
});
export type BallJoint = z.infer<typeof ballJointSchema>;

const limbSchema = z.object({
  shoulder: ballJointSchema,
  /** elbow flexion, 0 = straight */
  elbow: angle,
  /** hand relative to forearm, + toward the front of the forearm (palm flat on the floor in kneeling ≈ 90) */
  wrist: angle,
  hip: ballJointSchema,
  /** knee flexion, 0 = straight */
  knee: angle,
  /** ankle dorsiflexion (+, toes toward shin) / plantarflexion (−); 0 = foot at right angles to the shin */
  ankle: angle,
});
export type Limb = z.infer<typeof limbSchema>;

export const contactSchema = z.object({
  site: jointNameSchema,
  /** "floor" or the id of a prop in the same figure */
  on: z.string().min(1).max(40),
});
export type Contact = z.infer<typeof contactSchema>;

export const poseSchema = z.object({
  root: z.object({
    /** pelvis centre (midpoint of the hip joints) */
    x: num,
    y: num,
    z: num,
    /** forward lean of the pelvis from upright: 90 = face down, −90 = face up */
    pitch: angle,
    /** sideways tilt, + raises the near hip */
    tilt: angle,
    /** turn about the body's long axis, −90 rolls a face-up body onto its near side facing the camera */
    spin: angle,
    /** turn about the vertical, + turns the face toward the viewer of a side view */
    turn: angle,
  }),
  /** whole-spine movement between pelvis and shoulders, spread over the lumbar and thoracic parts */
  spine: z.object({ flex: angle, bend: angle, twist: angle }),
  /** head on trunk: flexion (+ chin down), turn (+ toward the near side) */
  neck: z.object({ flex: angle, turn: angle }),
  near: limbSchema,
  far: limbSchema,
  /** points that rest on the floor or on a prop in this pose (checked by the tests) */
  contacts: z.array(contactSchema).max(16),
});
export type Pose = z.infer<typeof poseSchema>;

const pointSchema = z.object({ x: num, y: num });
/** One end of a band, towel, strap or dowel: a fixed point or a point of the body. */
export const endSchema = z.union([pointSchema, z.object({ site: jointNameSchema })]);
export type PropEnd = z.infer<typeof endSchema>;

const id = z.string().min(1).max(40).optional();
const facing = z.enum(["left", "right"]);

/**
 * Props are placed in the 2-D plane of the view: x is horizontal across the picture
 * (world x in a side view, the viewer's right in a front view), y is height.
 */
export const propSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("mat"), id, x1: num, x2: num }),
  z.object({
    kind: z.literal("chair"),
    id,
    x: num,
    /** seat height */
    seat: num.positive(),
    /** where the backrest is: to the left or right in profile, "behind" for a chair seen from the front, "none" for a stool */
    back: z.enum(["left", "right", "behind", "none"]),
  }),
  z.object({ kind: z.literal("step"), id, x: num, width: num.positive(), height: num.positive() }),
  z.object({ kind: z.literal("wall"), id, x: num, side: facing }),
  z.object({
    kind: z.literal("counter"),
    id,
    x: num,
    width: num.positive(),
    height: num.positive(),
  }),
  z.object({ kind: z.literal("roll"), id, x: num, r: num.positive(), base: num.nonnegative() }),
  z.object({ kind: z.literal("ball"), id, x: num, r: num.positive(), base: num.nonnegative() }),
  z.object({ kind: z.literal("cushion"), id, x: num, width: num.positive(), height: num.positive() }),
  z.object({ kind: z.literal("board"), id, x: num, width: num.positive() }),
  z.object({ kind: z.literal("post"), id, x: num, height: num.positive() }),
  z.object({
    kind: z.literal("band"),
    id,
    from: endSchema,
    to: endSchema,
  }),
  z.object({ kind: z.literal("towel"), id, from: endSchema, to: endSchema }),
  z.object({ kind: z.literal("strap"), id, from: endSchema, to: endSchema }),
  /** a stick held along the back, touching head, upper back and sacrum */
  z.object({ kind: z.literal("dowel"), id, along: z.literal("back") }),
  z.object({ kind: z.literal("pad"), id, x1: num, x2: num, base: num.nonnegative() }),
  z.object({ kind: z.literal("ankleWeight"), id, at: z.enum(["nearAnkle", "farAnkle"]) }),
  z.object({
    kind: z.literal("bike"),
    id,
    /** crank centre */
    x: num,
    crankHeight: num.positive(),
    crank: num.positive(),
    saddle: pointSchema,
    bars: pointSchema,
  }),
  z.object({
    kind: z.literal("legPress"),
    id,
    /** seat: the point where the pelvis rests, and the backrest's lean back from vertical */
    seat: pointSchema,
    backAngle: angle,
    /** the sliding foot plate's angle from vertical; the plate sits under the feet of each pose */
    plateAngle: angle,
  }),
  z.object({ kind: z.literal("water"), id, y: num.positive() }),
]);
export type Prop = z.infer<typeof propSchema>;
export type PropKind = Prop["kind"];

export const arrowSchema = z.object({
  /** the joint whose path the arrow follows */
  joint: jointNameSchema,
  /** "path": from the start position to the end position; "press": a short push in `direction` */
  kind: z.enum(["path", "press"]).optional(),
  /** for "press": direction in degrees in the picture (0 = right, 90 = up) */
  direction: angle.optional(),
  /** which side of the straight line the arc bulges: 1 or −1; default follows the joint's own circle */
  bulge: z.number().min(-1).max(1).optional(),
});
export type FigureArrow = z.infer<typeof arrowSchema>;

export const figureSpecSchema = z.object({
  view: z.enum(["side", "front"]),
  /** swing the camera about the vertical for a three-quarter view, degrees (0 = square on) */
  turn: z.number().min(-60).max(60).optional(),
  start: poseSchema,
  end: poseSchema.nullable(),
  /** a static hold: the end pose (or the only pose) is held */
  hold: z.boolean(),
  props: z.array(propSchema).max(12),
  arrow: arrowSchema.optional(),
  /** body parts drawn in the accent colour (default: the limb the arrow is on) */
  accent: z.array(bodyPartSchema).max(6).optional(),
  /**
   * parts drawn over the rest of the body whatever their depth, in this order (the solver places hands in
   * the picture plane only): a leg held in front of the arm that reaches round it, the hands that grip it
   */
  inFront: z.array(z.enum([...bodyParts, "nearHand", "farHand"])).max(8).optional(),
});
export type FigureSpec = z.infer<typeof figureSpecSchema>;
export type FigureSpecInput = z.input<typeof figureSpecSchema>;
