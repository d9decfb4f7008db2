// Poses for figures: fill a pose from the few angles that matter, and measure how far its contacts
// are from resting on their surfaces (the figure tests and the offline solver in scripts/figures use it).
import { cameraAzimuth, contactRadius, forwardKinematics, project } from "./kinematics";
import { floorSurface, propSurfaces, signedDistance } from "./geometry";
import type { BallJoint, Contact, FigureSpec, Limb, Pose, Prop } from "./model";


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

export interface Scene {
  view: FigureSpec["view"];
  turn?: number;
  props: Prop[];
}

export function surfacesFor(scene: Scene, on: string) {
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
