// Where the built-in figures are written: one per catalogue slug (docs/CATALOGUE-SLUGS.md), each as a
// few angles per pose, with `settle` solving the rest so every contact rests exactly on the floor or
// its prop. Solving takes a couple of seconds, so the app never runs this file: `npx tsx
// scripts/figures/generate.ts` writes the results to library.json, which library.ts serves.
import { toolEnv } from "@/lib/env";
import { makePose, modify, pointOf, settle, worstMiss, type Goal, type Param, type PoseInput, type Scene } from "./author";
import { body, forwardKinematics } from "@/lib/figures/kinematics";
import { prop as propSize } from "@/lib/figures/geometry";
import { figureSpecSchema, segment, type Contact, type FigureSpec, type JointName, type Pose, type Prop } from "@/lib/figures/model";

const MAT = propSize.matThickness;
const on = (on: string, ...sites: JointName[]): Contact[] => sites.map((site) => ({ site, on }));
const feetOn = (surface: string, side: "near" | "far" | "both" = "both"): Contact[] =>
  (side === "both" ? (["near", "far"] as const) : [side]).flatMap((s) => on(surface, `${s}Heel`, `${s}Toe`));

export interface Entry {
  slug: string;
  name: string;
  spec: FigureSpec;
}
const entries: Entry[] = [];

function figure(
  slug: string,
  name: string,
  scene: Scene,
  start: Pose,
  end: Pose | null,
  extra: Pick<FigureSpec, "arrow" | "accent" | "inFront"> & { hold?: boolean } = {},
) {
  const spec = figureSpecSchema.parse({
    view: scene.view,
    ...(scene.turn ? { turn: scene.turn } : {}),
    start,
    end,
    hold: extra.hold ?? false,
    props: scene.props,
    ...(extra.arrow ? { arrow: extra.arrow } : {}),
    ...(extra.accent ? { accent: extra.accent } : {}),
    ...(extra.inFront ? { inFront: extra.inFront } : {}),
  });
  entries.push({ slug, name, spec });
}

const legs = (side: "near" | "far") => [`${side}.hip.flex`, `${side}.knee`, `${side}.ankle`];

// ---------------------------------------------------------------------------------------------
// Shared positions and helpers

const TR = body.width.trunk / 2;
const side = (props: Prop[] = [], turn?: number): Scene => ({ view: "side", props, ...(turn ? { turn } : {}) });
const front = (props: Prop[] = [], turn?: number): Scene => ({ view: "front", props, ...(turn ? { turn } : {}) });
const mat = (x1: number, x2: number): Prop => ({ kind: "mat", x1, x2 });
const arm = (s: "near" | "far") => [`${s}.shoulder.flex`, `${s}.elbow`];
const both = (f: (s: "near" | "far") => string[]) => [...f("near"), ...f("far")];
const withContacts = (p: Pose, ...contacts: Contact[][]): Pose => ({ ...p, contacts: [...p.contacts, ...contacts.flat()] });
const bare = (p: Pose): Pose => ({ ...p, contacts: [] });
const resting = (surface: string, ...sites: JointName[]): Goal[] => sites.map((site) => ({ site, on: surface }));
const footGoals = (surface: string, s: "near" | "far", heelX?: number): Goal[] => [
  ...resting(surface, `${s}Heel`, `${s}Toe`),
  ...(heelX === undefined ? [] : [{ site: `${s}Heel` as JointName, x: heelX }]),
];

/** Tip the pelvis by `d` degrees (forward +) while the thighs keep their direction. */
function lean(p: Pose, d: number): Pose {
  return modify(p, { root: { pitch: p.root.pitch + d }, near: { hip: { flex: p.near.hip.flex + d } }, far: { hip: { flex: p.far.hip.flex + d } } });
}
/** Solve in steps: each step frees some parameters to meet some goals; the contacts are attached at the end. */
function steps(s: Scene, p: Pose, ...stages: [Param[], Goal[]][]): Pose {
  let q = bare(p);
  for (const [free, goals] of stages) {
    q = settle(s, q, free, goals);
    if (toolEnv().FIGURE_DEBUG && worstMiss(s, q, goals) > 0.003) {
      console.warn(`stage misses by ${worstMiss(s, q, goals).toFixed(3)}: ${free.join(",")}`, new Error().stack?.split("\n")[2]);
    }
  }
  return q;
}
const pt = (s: Scene, p: Pose, site: JointName, dx = 0, dy = 0) => {
  const q = pointOf(s, p, site);
  return { x: q.x + dx, y: q.y + dy };
};
/** A point part-way along a segment of the body, pushed sideways (for hands holding a shin or thigh). */
const between = (s: Scene, p: Pose, a: JointName, b: JointName, t: number, dx = 0, dy = 0) => {
  const qa = pointOf(s, p, a);
  const qb = pointOf(s, p, b);
  return { x: qa.x + (qb.x - qa.x) * t + dx, y: qa.y + (qb.y - qa.y) * t + dy };
};
/** Solve the arms so the palms reach given points. */
function reach(s: Scene, p: Pose, near: { x: number; y: number } | null, far: { x: number; y: number } | null, extra: Param[] = []): Pose {
  const goals: Goal[] = [];
  const free: Param[] = [...extra];
  if (near) goals.push({ site: "nearPalm", ...near });
  if (near) free.push("near.shoulder.flex", "near.elbow", "near.wrist");
  if (far) goals.push({ site: "farPalm", ...far });
  if (far) free.push("far.shoulder.flex", "far.elbow", "far.wrist");
  return { ...settle(s, bare(p), free, goals), contacts: p.contacts };
}

/** Lying face up on the mat, head to the left, arms by the sides; legs as given. */
function supine(s: Scene, input: PoseInput = {}): Pose {
  const p = makePose({
    ...input,
    root: { x: 0, y: MAT + TR, pitch: -90, ...input.root },
    both: { shoulder: { flex: -8, abd: 8 }, ...input.both },
  });
  return p;
}
/** Rest both arms on the mat beside the body. */
function armsDown(s: Scene, p: Pose, surface = "mat"): Pose {
  const q = settle(s, bare(modify(p, { both: { shoulder: { flex: -8, abd: 8 }, elbow: 2, wrist: 0 } })), both(arm), resting(surface, "nearElbow", "nearWrist", "farElbow", "farWrist"));
  return { ...q, contacts: [...p.contacts, ...on(surface, "nearElbow", "nearWrist", "farElbow", "farWrist")] };
}
/** Face up with knees bent and feet flat, heels at `heelX`. */
function hookLying(s: Scene, heelX = 0.32, input: PoseInput = {}, arms = true): Pose {
  const p = steps(
    s,
    supine(s, { ...input, both: { hip: { flex: 50 }, knee: 95, ankle: -5, ...input.both } }),
    [legs("near"), footGoals("mat", "near", heelX)],
    [legs("far"), footGoals("mat", "far", heelX)],
  );
  const q = withContacts(p, on("mat", "pelvis", "upperBack", "head"), feetOn("mat"));
  return arms ? armsDown(s, q) : q;
}
/** Face up with the legs straight on the mat. */
function lyingStraight(s: Scene, input: PoseInput = {}): Pose {
  const p = steps(s, supine(s, { ...input, both: { ankle: 0, ...input.both } }), [
    ["near.hip.flex", "far.hip.flex"],
    resting("mat", "nearAnkle", "farAnkle"),
  ]);
  return armsDown(s, withContacts(p, on("mat", "pelvis", "upperBack", "head", "nearAnkle", "farAnkle")));
}

/** Lying face down, head to the right; the head turned toward the viewer. */
function prone(s: Scene, input: PoseInput = {}): Pose {
  const p = makePose({
    ...input,
    root: { x: 0, y: MAT + TR, pitch: 90, ...input.root },
    neck: { turn: 80, ...input.neck },
    both: { hip: { flex: -5 }, knee: 5, ankle: -60, shoulder: { flex: 10, abd: 6 }, ...input.both },
  });
  const q = steps(s, p, [both(legs), resting("mat", "nearKnee", "farKnee", "nearToe", "farToe", "nearAnkle", "farAnkle")]);
  return withContacts(q, on("mat", "pelvis", "upperBack", "nearKnee", "farKnee", "nearToe", "farToe"));
}

/** On hands and knees, head to the right: hips over knees, shoulders over hands. */
function quadruped(s: Scene, x = 0, input: PoseInput = {}): Pose {
  const p = makePose({
    ...input,
    root: { x, y: 0.33, pitch: 88, ...input.root },
    neck: { flex: -12, ...input.neck },
    both: { hip: { flex: 90 }, knee: 90, ankle: -95, shoulder: { flex: 85 }, elbow: 0, wrist: 90, ...input.both },
  });
  const kneeGoals = (x2: "near" | "far"): Goal[] => [
    ...resting("mat", `${x2}Knee`, `${x2}Toe`, `${x2}Ankle`),
    { site: `${x2}Knee`, alignX: `${x2}Hip` },
  ];
  const handGoals = (x2: "near" | "far"): Goal[] => [
    ...resting("mat", `${x2}Palm`, `${x2}Fingers`),
    { site: `${x2}Palm`, alignX: `${x2}Shoulder`, dx: 0.03 },
  ];
  const q = steps(s, p, [
    ["root.y", "root.pitch", ...both(legs), "near.shoulder.flex", "far.shoulder.flex", "near.wrist", "far.wrist"],
    [...kneeGoals("near"), ...kneeGoals("far"), ...handGoals("near"), ...handGoals("far")],
  ]);
  return withContacts(q, on("mat", "nearKnee", "farKnee", "nearToe", "farToe", "nearPalm", "farPalm", "nearFingers", "farFingers"));
}

function standing(x = 0, input: PoseInput = {}): Pose {
  return withContacts(
    makePose({
      ...input,
      root: { x, y: 0.53, ...input.root },
      both: { shoulder: { abd: 4 }, elbow: 8, ...input.both },
    }),
    input.contacts ?? feetOn("floor"),
  );
}
/** Stand with the given knee angles, solving position, hips and ankles so both feet are flat at the given heel positions. */
function stand(s: Scene, input: PoseInput, nearHeel: number, farHeel: number, free: Param[] = []): Pose {
  const p = steps(s, makePose({ ...input, root: { x: 0, y: 0.5, ...input.root }, both: { shoulder: { abd: 4 }, elbow: 8, ...input.both } }), [
    ["root.x", "root.y", "near.hip.flex", "near.ankle", "far.hip.flex", "far.ankle", ...free],
    [...footGoals("floor", "near", nearHeel), ...footGoals("floor", "far", farHeel)],
  ]);
  return withContacts(p, feetOn("floor"));
}

/** Sitting on a chair at `chairX` (backrest to the left), feet flat with heels at `heelX`. */
function seated(s: Scene, chairX: number, seatH: number, heelX: number, input: PoseInput = {}): Pose {
  const p = steps(
    s,
    makePose({
      ...input,
      root: { x: chairX - 0.03, y: seatH + TR, ...input.root },
      both: { hip: { flex: 85 }, knee: 85, shoulder: { flex: 10, abd: 6 }, elbow: 40, ...input.both },
    }),
    [legs("near"), footGoals("floor", "near", heelX)],
    [legs("far"), footGoals("floor", "far", heelX)],
  );
  return withContacts(p, on("chair", "pelvis"), feetOn("floor"));
}

/** Sitting on the floor with legs out straight, leaning back on the hands. */
function longSitting(s: Scene, input: PoseInput, legGoals: Goal[], contacts: Contact[]): Pose {
  const p = steps(
    s,
    makePose({
      ...input,
      root: { x: 0, y: MAT + TR, pitch: -22, ...input.root },
      both: { hip: { flex: 68 }, knee: 0, ankle: 0, shoulder: { flex: -40, abd: 10 }, elbow: 0, wrist: -80, ...input.both },
    }),
    [both(legs), legGoals],
    [[...both(arm), "near.wrist", "far.wrist"], resting("mat", "nearPalm", "farPalm", "nearFingers", "farFingers")],
  );
  return withContacts(p, on("mat", "pelvis", "nearPalm", "farPalm"), contacts);
}

/** Lying on the near side facing the viewer, head to the left. */
function sideLying(s: Scene, input: PoseInput): Pose {
  return makePose({ ...input, root: { x: 0, y: 0.2, pitch: -90, spin: -90, ...input.root } });
}

// ---------------------------------------------------------------------------------------------
// Back: extension (1–4)

{
  const s = side([mat(-0.62, 0.95)]);
  const lying = prone(s, { both: { shoulder: { flex: 14, abd: 6 } } });
  const rest = settle(s, withContacts(lying, on("mat", "nearWrist", "farWrist", "nearElbow", "farElbow", "nearFingers", "farFingers", "head")), [
    ...both(arm),
    "near.wrist",
    "far.wrist",
    "neck.flex",
  ]);
  figure("prone-lying", "Prone lying", s, rest, null, { hold: true });
}

/** Prone, forearms flat on the mat beside the head. */
function proneForearms(s: Scene): Pose {
  const p = prone(s, { neck: { turn: 0, flex: 25 }, both: { shoulder: { flex: 120, abd: 20 }, elbow: 110, wrist: 0 } });
  return settle(s, withContacts(p, on("mat", "nearElbow", "farElbow", "nearWrist", "farWrist", "head")), [...both(arm), "neck.flex", "near.shoulder.abd", "far.shoulder.abd"]);
}

{
  const s = side([mat(-0.62, 0.95)]);
  const start = proneForearms(s);
  const up = steps(
    s,
    modify(lean(start, -14), { spine: { flex: -30 }, neck: { flex: -5 }, both: { shoulder: { flex: 90, abd: 10 }, elbow: 90, wrist: 0 } }),
    [["root.pitch", "near.shoulder.flex", "far.shoulder.flex", "near.hip.flex", "far.hip.flex"], [
      ...resting("mat", "nearElbow", "farElbow", "nearKnee", "farKnee"),
      { site: "nearElbow", alignX: "nearShoulder" },
      { site: "farElbow", alignX: "farShoulder" },
    ]],
    [["near.elbow", "far.elbow"], resting("mat", "nearWrist", "farWrist")],
  );
  const end = withContacts(up, on("mat", "pelvis", "nearElbow", "farElbow", "nearWrist", "farWrist", "nearKnee", "farKnee", "nearToe", "farToe"));
  figure("prone-on-elbows", "Prone on elbows (sphinx)", s, start, end, { hold: true, arrow: { joint: "head" } });
}

/** Prone with palms flat on the mat under the shoulders, elbows bent up, ready to push. */
function proneHands(s: Scene): Pose {
  // folded that far, the arm only fits with the elbows pointing up, back and a little out to the sides, the hands
  // a little wider than the shoulders and turned in; from the side the upper arm rises back from the shoulder to
  // an elbow above the back, and the forearm comes down to a hand flat on the mat under the shoulder
  const p = prone(s, { neck: { turn: 0, flex: 25 }, both: { shoulder: { flex: -40, abd: 20, rot: 0 }, elbow: 130, wrist: 80 } });
  const shoulder = pointOf(s, p, "nearShoulder");
  const hand = (x: "near" | "far"): Goal[] => [
    ...resting("mat", `${x}Palm`, `${x}Fingers`),
    { site: `${x}Palm`, x: shoulder.x - 0.01 },
    { site: `${x}Fingers`, alignX: `${x}Palm`, dx: 0.035 },
    { site: `${x}Elbow`, y: 0.15 },
  ];
  const q = steps(
    s,
    p,
    [both((x) => [`${x}.shoulder.flex`, `${x}.shoulder.abd`, `${x}.shoulder.rot`, `${x}.elbow`, `${x}.wrist`]), [...hand("near"), ...hand("far")]],
    [["neck.flex"], resting("mat", "head")],
  );
  return withContacts(q, on("mat", "pelvis", "upperBack", "nearKnee", "farKnee", "nearToe", "farToe", "nearPalm", "farPalm", "head"));
}

{
  const s = side([mat(-0.62, 0.95)]);
  const start = proneHands(s);
  // the hands stay planted where they were (palm and fingers keep their place, also their distance apart across
  // the body): only the elbows straighten (not quite locked: as far as is comfortable), the chest rises and the
  // pelvis stays down
  const palm = pointOf(s, start, "nearPalm");
  const fingers = pointOf(s, start, "nearFingers");
  const planted = (x: "near" | "far"): Goal[] => [
    { site: `${x}Palm`, x: palm.x },
    { site: `${x}Fingers`, x: fingers.x },
  ];
  const apart = (site: "nearPalm" | "nearFingers") => 2 * Math.abs(forwardKinematics(start).points[site][2]);
  const up = steps(
    s,
    modify(start, { spine: { flex: -55 }, neck: { flex: -5 }, both: { shoulder: { flex: 30, abd: 15, rot: 0 }, elbow: 30, wrist: 60 } }),
    [["spine.flex", "root.pitch", ...both((x) => [`${x}.shoulder.flex`, `${x}.shoulder.abd`, `${x}.shoulder.rot`, `${x}.wrist`, `${x}.hip.flex`])], [
      ...resting("mat", "nearPalm", "farPalm", "nearFingers", "farFingers", "pelvis", "nearKnee", "farKnee"),
      ...planted("near"),
      ...planted("far"),
      { site: "nearPalm", touch: "farPalm", d: apart("nearPalm") },
      { site: "nearFingers", touch: "farFingers", d: apart("nearFingers") },
    ]],
  );
  const end = withContacts(up, on("mat", "pelvis", "nearPalm", "farPalm", "nearKnee", "farKnee"));
  figure("prone-press-up", "Prone press-up", s, start, end, { arrow: { joint: "head" }, accent: ["nearArm", "farArm"] });
}

{
  const s = side();
  const handsOnBack: PoseInput["both"] = { shoulder: { flex: -40, abd: 25, rot: -55 }, elbow: 100, wrist: 10 };
  const start = standing(0, { both: handsOnBack });
  // hips pushed forward over the feet, the trunk arching back above them
  const back = steps(s, standing(0, { spine: { flex: -36 }, neck: { flex: -4 }, root: { x: 0.07, pitch: -14 }, both: { ...handsOnBack, hip: { flex: -24 }, knee: 5 } }), [
    ["root.y", ...both(legs)],
    [...footGoals("floor", "near", pointOf(s, start, "nearHeel").x), ...footGoals("floor", "far", pointOf(s, start, "farHeel").x)],
  ]);
  figure("standing-back-extension", "Standing back extension", s, start, withContacts(back, feetOn("floor")), { arrow: { joint: "head" } });
}

// ---------------------------------------------------------------------------------------------
// Back: flexion and mobility (5–11)

{
  const s = side([mat(-0.62, 0.6)]);
  const start = hookLying(s);
  const bent = modify({ ...start, contacts: start.contacts.filter((c) => !["nearHeel", "nearToe", "nearElbow", "nearWrist", "farElbow", "farWrist"].includes(c.site)) }, {
    near: { hip: { flex: 122 }, knee: 118, ankle: -15 },
  });
  const hands = between(s, bent, "nearKnee", "nearAnkle", 0.22, -0.01, 0.045);
  figure("single-knee-to-chest", "Single knee-to-chest stretch", s, start, reach(s, bent, hands, hands), { hold: true, arrow: { joint: "nearKnee" } });
}

{
  const s = side([mat(-0.62, 0.6)]);
  const start = hookLying(s);
  const bent = modify(withContacts(bare(start), on("mat", "pelvis", "upperBack", "head")), {
    both: { hip: { flex: 125, abd: 5 }, knee: 118, ankle: -15 },
  });
  const hands = between(s, bent, "nearKnee", "nearAnkle", 0.22, -0.01, 0.045);
  figure("double-knee-to-chest", "Double knee-to-chest stretch", s, start, reach(s, bent, hands, hands), {
    hold: true,
    arrow: { joint: "nearKnee" },
    accent: ["nearLeg", "farLeg"],
  });
}

{
  // posed lying along the mat, then seen from the feet end so the knees tip across the picture
  const lying = side([mat(-0.62, 0.6)]);
  const start = hookLying(lying, 0.26, { both: { shoulder: { abd: 35 } } });
  const heel = pointOf(lying, start, "nearHeel");
  const rolled = steps(
    lying,
    modify(start, { root: { spin: 30 }, spine: { twist: -30 }, near: { hip: { abd: -12, rot: -25 } }, far: { hip: { abd: 30, rot: 25 } } }),
    [["root.y", ...both(legs)], [...footGoals("mat", "near", heel.x), ...footGoals("mat", "far", heel.x), ...resting("mat", "upperBack")]],
  );
  const end = armsDown(lying, withContacts(rolled, on("mat", "upperBack", "head"), feetOn("mat")));
  const s = front([mat(-0.45, 0.45)], -40);
  figure("knee-rolls", "Knee rolls", s, start, end, { arrow: { joint: "nearKnee" }, accent: ["nearLeg", "farLeg"] });
}

{
  const s = side([mat(-0.62, 0.6)]);
  // pelvis and shoulders on the mat, the spine's curve lifting the small of the back off it (start) or
  // pressing it flat (end); hands rest on the chest with elbows on the mat, so no arm hides the gap under the back
  const lying = (flex: number) => {
    const p = steps(
      s,
      supine(s, { spine: { flex }, root: { pitch: -90 - flex / 2 }, both: { hip: { flex: 50 }, knee: 95, ankle: -5, shoulder: { flex: -8, abd: 60 }, elbow: 100, wrist: 20 } }),
      [["root.pitch", "root.y"], resting("mat", "pelvis", "neck")],
      [legs("near"), footGoals("mat", "near", 0.32)],
      [legs("far"), footGoals("mat", "far", 0.32)],
      [["neck.flex"], resting("mat", "head")],
    );
    const chest = pt(s, p, "upperBack", 0.02, TR + body.width.hand / 2);
    const hand = (x: "near" | "far"): Goal[] => [
      { site: `${x}Palm`, ...chest },
      ...resting("mat", `${x}Elbow`),
      { site: `${x}Elbow`, x: chest.x - 0.05 },
    ];
    const q = steps(s, p, [both((x) => [`${x}.shoulder.flex`, `${x}.shoulder.abd`, `${x}.shoulder.rot`, `${x}.elbow`, `${x}.wrist`]), [...hand("near"), ...hand("far")]]);
    return withContacts(q, on("mat", "pelvis", "neck", "head", "nearElbow", "farElbow"), feetOn("mat"));
  };
  const start = lying(-32);
  const end = withContacts(lying(0), on("mat", "lowerBack", "upperBack"));
  figure("posterior-pelvic-tilt", "Posterior pelvic tilt", s, start, end, {
    hold: true,
    arrow: { joint: "lowerBack", kind: "press", direction: -90 },
    accent: ["trunk"],
  });
}

{
  const s = side([mat(-0.45, 0.75)]);
  const cat = quadruped(s, 0, { spine: { flex: 40 }, root: { pitch: 98 }, neck: { flex: 40 } });
  const cow = quadruped(s, 0, { spine: { flex: -34 }, root: { pitch: 80 }, neck: { flex: -30 } });
  figure("cat-camel", "Cat–camel", s, cat, cow, { accent: ["trunk"] });
}

{
  const s = side([mat(-0.5, 0.95)]);
  const start = quadruped(s, 0);
  const knee = pointOf(s, start, "nearKnee");
  const sit = steps(
    s,
    makePose({
      root: { x: knee.x - 0.15, y: 0.25, pitch: 112 },
      spine: { flex: 28 },
      neck: { flex: 10 },
      both: { hip: { flex: 150 }, knee: 128, ankle: -95, shoulder: { flex: 165, abd: 8 }, elbow: 0, wrist: 10 },
    }),
    [["root.x", "root.y", "root.pitch", "spine.flex", "neck.flex", ...both(legs)], [
      { site: "nearKnee", x: knee.x },
      { site: "farKnee", x: knee.x },
      ...resting("mat", "nearKnee", "farKnee", "nearAnkle", "farAnkle", "nearToe", "farToe", "head"),
      // bottom right back over the heels, so the trunk lies along the thighs rather than behind one
      { site: "pelvis", x: knee.x - 0.2 },
    ]],
    [[...both(arm), "near.wrist", "far.wrist"], resting("mat", "nearElbow", "farElbow", "nearWrist", "farWrist", "nearFingers", "farFingers")],
  );
  const end = withContacts(sit, on("mat", "nearKnee", "farKnee", "nearToe", "farToe", "head", "nearWrist", "farWrist"));
  figure("childs-pose", "Bottom-to-heels (child's pose)", s, start, end, { arrow: { joint: "pelvis" } });
}

{
  const s = side([{ kind: "chair", x: 0, seat: 0.26, back: "left" }]);
  const sitting = seated(s, 0, 0.26, 0.27);
  const thigh = between(s, sitting, "nearHip", "nearKnee", 0.8, 0, 0.05);
  const start = reach(s, sitting, thigh, thigh);
  const bent = modify(lean(sitting, 30), { spine: { flex: 62 }, neck: { flex: 10 }, both: { shoulder: { flex: 40 }, elbow: 5 } });
  const shin = between(s, bent, "nearAnkle", "nearKnee", 0.25, 0.05, 0);
  figure("seated-forward-flexion", "Seated forward flexion", s, start, reach(s, bent, shin, shin), { arrow: { joint: "head" } });
}

// ---------------------------------------------------------------------------------------------
// Back: motor control and strength (12–21)

{
  const s = side([mat(-0.62, 0.6)]);
  const lying = hookLying(s, 0.32, {}, false);
  const belly = pt(s, lying, "lowerBack", 0.03, TR + 0.025);
  const end = reach(s, lying, belly, belly);
  figure("abdominal-brace", "Abdominal brace", s, end, null, {
    hold: true,
    arrow: { joint: "lowerBack", kind: "press", direction: -90 },
  });
}

{
  const s = side([mat(-0.5, 0.75)]);
  const start = quadruped(s, 0);
  const end = modify(
    { ...start, contacts: start.contacts.filter((c) => !["farPalm", "farFingers", "nearKnee", "nearToe"].includes(c.site)) },
    { near: { hip: { flex: -2 }, knee: 0, ankle: -25 }, far: { shoulder: { flex: 178 }, elbow: 0, wrist: 0 }, neck: { flex: -5 } },
  );
  figure("bird-dog", "Bird dog", s, start, end, { hold: true, arrow: { joint: "nearAnkle" }, accent: ["nearLeg", "farArm"] });
}

{
  const s = side([mat(-0.7, 0.55)]);
  const start = withContacts(
    supine(s, { both: { hip: { flex: 90 }, knee: 90, ankle: 0, shoulder: { flex: 90, abd: 0 }, elbow: 0 } }),
    on("mat", "pelvis", "upperBack", "head"),
  );
  const end = modify(start, { near: { shoulder: { flex: 172 } }, far: { hip: { flex: 25 }, knee: 0 } });
  figure("dead-bug", "Dead bug", s, start, end, { arrow: { joint: "nearWrist" }, accent: ["nearArm", "farLeg"] });
}

/** Hips lifted off the mat by `lift` degrees, shoulders and feet staying put. */
function bridge(s: Scene, start: Pose, lift: number, support: ("near" | "far")[] = ["near", "far"]): Pose {
  const ub = pointOf(s, start, "upperBack");
  const goals = support.flatMap((x) => footGoals("mat", x, pointOf(s, start, `${x}Heel`).x));
  const p = steps(
    s,
    modify(start, { root: { pitch: -90 - lift }, spine: { flex: lift } }),
    [["root.x", "root.y"], [{ site: "upperBack", x: ub.x }, ...resting("mat", "upperBack")]],
    [support.flatMap((x) => legs(x)), goals],
    [["neck.flex"], resting("mat", "head")],
  );
  return armsDown(s, withContacts(p, on("mat", "upperBack", "neck", "head"), support.flatMap((x) => feetOn("mat", x))));
}

{
  const s = side([mat(-0.62, 0.6)]);
  const start = hookLying(s, 0.26);
  figure("glute-bridge", "Glute bridge", s, start, bridge(s, start, 36), { hold: true, arrow: { joint: "pelvis" } });
}

{
  const s = side([mat(-0.62, 0.6)]);
  const hook = hookLying(s, 0.26);
  const start = modify({ ...hook, contacts: hook.contacts.filter((c) => !["nearHeel", "nearToe"].includes(c.site)) }, { near: { hip: { flex: 50 }, knee: 0, ankle: 0 } });
  const lifted = bridge(s, hook, 36, ["far"]);
  // the free leg straight out, its thigh level with the other thigh
  const end = modify(bare(lifted), { near: { hip: { flex: lifted.far.hip.flex }, knee: 0, ankle: 0 } });
  figure("single-leg-bridge", "Single-leg bridge", s, start, { ...end, contacts: lifted.contacts }, { hold: true, arrow: { joint: "pelvis" }, accent: ["nearLeg"] });
}

{
  // on the forearm and the knees, knees bent so the feet are behind: lying propped on the forearm, then
  // the hips lift, pivoting on the knee, until shoulder, hip and knee are in one line. Seen a little from
  // the feet end, so the forearm (pointing forward and toward the head) and the lower legs (back and toward
  // the feet) both show along the mat. Turned further, the renderer would grey the supporting arm of the propped start
  // as the far one. The top arm points at the ceiling: lying along the body it made the figure read as crawling
  // on all fours; up, the two arms make one vertical line through the shoulders, as side-lying does.
  const s = side([mat(-0.62, 0.55)], 18);
  const sidePlank = (hipsUp: boolean, elbowX?: number) => {
    const hipDown: JointName[] = hipsUp ? [] : ["nearHip"];
    const p = steps(
      s,
      sideLying(s, {
        root: { pitch: hipsUp ? -72 : -70 },
        // propped up, the waist bends toward the mat as well as the hip, so the pelvis is not tipped as far as the chest
        spine: { bend: hipsUp ? 0 : -15 },
        neck: { flex: 0 },
        both: { knee: 70, ankle: -40 },
        near: { shoulder: { abd: 90, rot: 45 }, elbow: 90 },
        far: { shoulder: { abd: 90 }, elbow: 8 },
      }),
      [
        // lying, the hip rests on the mat and the thigh lies along it; lifted, the hip stays straight and turns
        // a little so the lower leg still lies on the mat
        ["root.y", "root.pitch", "near.shoulder.abd", "near.elbow", "near.hip.rot", ...(hipsUp ? ["root.x"] : ["near.hip.abd"])],
        [
          ...resting("mat", "nearElbow", "nearWrist", "nearKnee", "nearAnkle", ...hipDown),
          { site: "nearElbow", alignX: "nearShoulder" },
          ...(elbowX === undefined ? [] : [{ site: "nearElbow" as JointName, x: elbowX }]),
        ],
      ],
      // the top leg lies on the bottom one: knee against knee, ankle straight above ankle
      [["far.hip.flex", "far.hip.abd", "far.hip.rot", "far.knee"], [
        { site: "farKnee", touch: "nearKnee", d: body.width.thigh },
        { site: "farAnkle", touch: "nearAnkle", d: body.width.shank },
        { site: "farAnkle", alignY: "nearAnkle", dy: body.width.shank },
      ]],
      // the top arm reaches straight up to the ceiling, in line with the supporting upper arm
      [["far.shoulder.abd"], [{ site: "farWrist", alignX: "farShoulder" }]],
    );
    return withContacts(p, on("mat", "nearElbow", "nearWrist", "nearKnee", "nearAnkle", ...hipDown));
  };
  const start = sidePlank(false);
  figure("side-plank", "Side plank", s, start, sidePlank(true, pointOf(s, start, "nearElbow").x), { hold: true, arrow: { joint: "pelvis" } });
}

{
  // on the forearms and the knees, lower legs raised: lying propped on the forearms, then the hips lift
  // until head, hips and knees are in one line, the forearms staying where they were
  const s = side([mat(-0.62, 0.62)]);
  const elbowsUnderShoulders: Goal[] = [
    { site: "nearElbow", alignX: "nearShoulder" },
    { site: "farElbow", alignX: "farShoulder" },
  ];
  const limbs = { knee: 90, ankle: -30, shoulder: { flex: 90 }, elbow: 90 };
  const lying = steps(
    s,
    makePose({ root: { x: 0, y: MAT + TR, pitch: 80 }, spine: { flex: -20 }, both: { ...limbs, hip: { flex: -5 } } }),
    [["root.y", "root.pitch", "spine.flex", "near.shoulder.flex", "far.shoulder.flex", "near.hip.flex", "far.hip.flex"], [
      ...resting("mat", "pelvis", "nearElbow", "farElbow", "nearKnee", "farKnee"),
      ...elbowsUnderShoulders,
    ]],
    [["near.elbow", "far.elbow"], resting("mat", "nearWrist", "farWrist")],
  );
  const lifted = steps(
    s,
    makePose({ root: { x: 0, y: 0.2, pitch: 72 }, neck: { flex: 5 }, both: limbs }),
    [["root.x", "root.y", "root.pitch", "near.shoulder.flex", "far.shoulder.flex"], [
      ...resting("mat", "nearElbow", "farElbow", "nearKnee", "farKnee"),
      ...elbowsUnderShoulders,
      { site: "nearElbow", x: pointOf(s, lying, "nearElbow").x },
    ]],
    [["near.elbow", "far.elbow"], resting("mat", "nearWrist", "farWrist")],
  );
  const forearmsAndKnees = on("mat", "nearElbow", "farElbow", "nearWrist", "farWrist", "nearKnee", "farKnee");
  figure("front-plank", "Front plank", s, withContacts(lying, on("mat", "pelvis"), forearmsAndKnees), withContacts(lifted, forearmsAndKnees), {
    hold: true,
    arrow: { joint: "pelvis" },
  });
}

{
  const s = side([mat(-0.62, 0.62)]);
  const lying = steps(
    s,
    supine(s, { near: { hip: { flex: 50 }, knee: 95, ankle: -5 }, far: { ankle: 0 } }),
    [legs("near"), footGoals("mat", "near", 0.3)],
    [["far.hip.flex"], resting("mat", "farAnkle")],
  );
  // hands flat under the small of the back, elbows on the mat
  const handsUnder = (p: Pose): Pose => {
    const back = pt(s, p, "lowerBack", 0, -TR + body.width.hand / 2);
    const goals = (x: "near" | "far"): Goal[] => [
      { site: `${x}Palm`, ...back },
      { site: `${x}Palm`, touch: "lowerBack", d: TR - body.width.hand / 2 + 0.01 },
      { site: `${x}Fingers`, alignY: `${x}Palm` },
      ...resting("mat", `${x}Elbow`),
    ];
    const q = steps(s, modify(p, { both: { shoulder: { flex: -8, abd: 20 }, elbow: 60, wrist: 0 } }), [
      both((x) => [`${x}.shoulder.flex`, `${x}.shoulder.abd`, `${x}.shoulder.rot`, `${x}.elbow`, `${x}.wrist`]),
      [...goals("near"), ...goals("far")],
    ]);
    return withContacts(q, p.contacts, on("mat", "nearElbow", "farElbow", "nearPalm", "farPalm"));
  };
  const start = handsUnder(withContacts(lying, on("mat", "pelvis", "upperBack", "head", "farAnkle"), feetOn("mat", "near")));
  const curl = modify(start, { spine: { flex: 30 }, neck: { flex: 14 } });
  const end = handsUnder(withContacts(bare(curl), on("mat", "pelvis", "farAnkle"), feetOn("mat", "near")));
  figure("modified-curl-up", "Modified curl-up", s, start, end, { hold: true, arrow: { joint: "head" }, accent: ["trunk", "head"] });
}

{
  const s = side([mat(-0.75, 0.95)]);
  const p = prone(s, { neck: { turn: 0, flex: 15 }, both: { shoulder: { flex: 170, abd: 12 }, elbow: 5 } });
  const start = settle(s, withContacts(p, on("mat", "nearWrist", "farWrist", "head")), ["near.shoulder.flex", "far.shoulder.flex", "neck.flex"]);
  const end = modify(
    { ...start, contacts: start.contacts.filter((c) => !["nearWrist", "farKnee", "farToe", "head"].includes(c.site)) },
    { near: { shoulder: { flex: 188 } }, far: { hip: { flex: -20 } }, neck: { flex: 0 } },
  );
  figure("prone-arm-leg-lift", "Prone alternate arm and leg lift", s, start, end, { arrow: { joint: "nearWrist" }, accent: ["nearArm", "farLeg"] });
}

/** Where the hands hold a dowel along the back: near hand behind the neck, far hand at the small of the back. */
function dowelGrips(s: Scene, p: Pose) {
  const pelvis = pointOf(s, p, "pelvis");
  const neck = pointOf(s, p, "neck");
  const l = Math.hypot(neck.x - pelvis.x, neck.y - pelvis.y);
  const u = { x: (neck.x - pelvis.x) / l, y: (neck.y - pelvis.y) / l };
  // facing right, the back is on the left of the trunk line
  const back = { x: -u.y, y: u.x };
  const behind = back.x < 0 ? back : { x: -back.x, y: -back.y };
  const off = TR + 0.022;
  return {
    near: { x: neck.x + behind.x * off + u.x * 0.06, y: neck.y + behind.y * off + u.y * 0.06 },
    far: { x: pelvis.x + behind.x * off + u.x * 0.05, y: pelvis.y + behind.y * off + u.y * 0.05 },
  };
}

{
  const s = side([{ kind: "dowel", along: "back" }]);
  const hold = (p: Pose) => {
    const g = dowelGrips(s, p);
    // the near hand holds the stick at the small of the back; the far hand behind the neck, elbow up
    return reach(s, modify(p, { far: { shoulder: { flex: p.root.pitch > 20 ? 110 : 150, abd: 12, rot: 0 }, elbow: 140, wrist: 0 }, near: { shoulder: { abd: 20, rot: -40 } } }), g.far, g.near);
  };
  const start = hold(standing(0, { both: { knee: 3 } }));
  const hinged = lean(stand(s, { both: { hip: { flex: 20 }, knee: 20, ankle: 10 } }, 0, 0), 40);
  const end = hold(steps(s, hinged, [["root.x", "root.y", ...both(legs)], [...footGoals("floor", "near", pointOf(s, start, "nearHeel").x), ...footGoals("floor", "far", pointOf(s, start, "farHeel").x)]]));
  figure("hip-hinge-dowel", "Hip hinge with dowel", s, start, withContacts(end, feetOn("floor")), { arrow: { joint: "head" } });
}

// ---------------------------------------------------------------------------------------------
// Nerve mobility (22–24)

{
  const s = side([mat(-0.62, 0.55)]);
  const hook = hookLying(s, 0.3, {}, false);
  const raised = (knee: number, ankle: number, neck: number, spine: number) => {
    const p = modify(withContacts(bare(hook), on("mat", "pelvis"), feetOn("mat", "far")), {
      near: { hip: { flex: 88 }, knee, ankle },
      neck: { flex: neck },
      spine: { flex: spine },
    });
    const grip = between(s, p, "nearHip", "nearKnee", 0.78, -0.055, 0);
    return reach(s, p, grip, grip);
  };
  const start = raised(95, 0, 35, 14);
  const end = raised(12, -12, 0, 0);
  figure("sciatic-nerve-slider", "Sciatic nerve slider, lying", s, start, withContacts(end, on("mat", "upperBack", "head")), {
    arrow: { joint: "nearAnkle" },
    accent: ["nearLeg", "head"],
  });
}

function slump(s: Scene, knee: number, ankle: number, neck: number): Pose {
  const base = seated(s, 0, 0.26, 0.22, { both: { shoulder: { flex: -25, rot: -50, abd: 20 }, elbow: 80 } });
  const slumped = modify(lean(base, -8), { spine: { flex: 40 }, neck: { flex: neck } });
  if (knee > 60) return slumped;
  return modify({ ...slumped, contacts: slumped.contacts.filter((c) => !["nearHeel", "nearToe"].includes(c.site)) }, { near: { knee, ankle } });
}

{
  const s = side([{ kind: "chair", x: 0, seat: 0.26, back: "none" }]);
  figure("seated-slump-slider", "Seated slump slider", s, slump(s, 90, 0, 45), slump(s, 8, -15, -22), {
    arrow: { joint: "nearAnkle" },
    accent: ["nearLeg", "head"],
  });
}

{
  const s = side([{ kind: "chair", x: 0, seat: 0.26, back: "none" }]);
  figure("sciatic-nerve-tensioner", "Sciatic nerve tensioner", s, slump(s, 90, 0, -15), slump(s, 8, 22, 48), {
    arrow: { joint: "nearAnkle" },
    accent: ["nearLeg", "head"],
  });
}

// ---------------------------------------------------------------------------------------------
// Hip stretches (25–30)

{
  // posed lying along the mat, then seen turned toward the head end so the knee visibly crosses the body
  const lying = side([mat(-0.62, 0.62)]);
  const bent = steps(
    lying,
    supine(lying, { near: { hip: { flex: 55 }, knee: 95, ankle: -5 }, far: { ankle: 0 } }),
    [legs("near"), footGoals("mat", "near", 0.28)],
    [["far.hip.flex"], resting("mat", "farAnkle")],
  );
  const flat = armsDown(lying, withContacts(bent, on("mat", "pelvis", "upperBack", "head", "farAnkle"), feetOn("mat", "near")));
  // seen from the near side and a little from the head end, so the knee drawn across the body toward the
  // other shoulder moves toward the head in the picture. Far hand on the knee, near hand on the ankle: the
  // near arm reaches round the inside of the bent leg, so the leg is drawn over it and both hands over the leg.
  const s = side([mat(-0.45, 0.45)], -35);
  const holding = (hip: { flex: number; abd: number; rot: number }) => {
    const p = modify(withContacts(bare(flat), on("mat", "pelvis", "upperBack", "head", "farAnkle")), { near: { hip, knee: 118, ankle: -10 } });
    return reach(s, p, pt(s, p, "nearAnkle"), between(s, p, "nearHip", "nearKnee", 0.9), ["near.shoulder.abd", "far.shoulder.abd"]);
  };
  const start = holding({ flex: 105, abd: 0, rot: 0 });
  const held = holding({ flex: 100, abd: -35, rot: 15 });
  figure("piriformis-stretch", "Piriformis stretch (knee to opposite shoulder)", s, start, held, {
    hold: true,
    arrow: { joint: "nearKnee" },
    accent: ["nearLeg"],
    inFront: ["nearLeg", "nearHand", "farHand"],
  });
}

{
  const s = side([mat(-0.62, 0.62)], 30);
  const hook = hookLying(s, 0.3, {}, false);
  const crossed = (farHip: number) => {
    const p = modify(bare(hook), { far: { hip: { flex: farHip } }, near: { hip: { flex: 70, abd: 35, rot: 60 }, knee: 95, ankle: 0 } });
    const farFoot: [Param[], Goal[]] = farHip < 60 ? [legs("far"), footGoals("mat", "far", 0.3)] : [["far.knee"], []];
    return steps(s, p, farFoot, [["near.hip.flex", "near.hip.abd", "near.hip.rot", "near.knee"], [{ site: "nearAnkle", touch: "farKnee", d: 0.075 }]]);
  };
  const start = armsDown(s, withContacts(crossed(50), on("mat", "pelvis", "upperBack", "head"), feetOn("mat", "far")));
  const pulled = withContacts(crossed(95), on("mat", "pelvis", "upperBack", "head"));
  const hands = between(s, pulled, "farHip", "farKnee", 0.8, 0, -0.05);
  figure("figure-four-stretch-lying", "Figure-4 stretch, lying", s, start, reach(s, pulled, hands, hands), {
    hold: true,
    arrow: { joint: "farKnee" },
    accent: ["farLeg"],
  });
}

{
  const s = side([{ kind: "chair", x: 0, seat: 0.26, back: "left" }], 35);
  const sitting = seated(s, 0, 0.26, 0.26);
  const crossed = steps(
    s,
    modify(withContacts(sitting), { near: { hip: { flex: 95, abd: 35, rot: 60 }, knee: 100, ankle: 0 } }),
    [["near.hip.flex", "near.hip.abd", "near.hip.rot", "near.knee"], [{ site: "nearAnkle", touch: "farKnee", d: 0.075 }]],
  );
  const start = withContacts(crossed, on("chair", "pelvis"), feetOn("floor", "far"));
  const knee = between(s, start, "nearKnee", "nearHip", 0.1, 0, 0.04);
  const ankle = pt(s, start, "nearAnkle", 0, 0.04);
  const sit = reach(s, start, knee, ankle);
  const forward = modify(lean(sit, 28), { neck: { flex: -10 } });
  figure("seated-figure-four-stretch", "Seated figure-4 stretch", s, sit, reach(s, forward, between(s, forward, "nearKnee", "nearHip", 0.1, 0, 0.04), pt(s, forward, "nearAnkle", 0, 0.04)), {
    hold: true,
    arrow: { joint: "head" },
    accent: ["nearLeg"],
  });
}

{
  const s = side([mat(-0.62, 0.65), { kind: "towel", from: { site: "nearPalm" }, to: { site: "nearBall" } }]);
  const raise = (flex: number) => {
    const p = modify(lyingStraight(s), { near: { hip: { flex }, knee: 0, ankle: 8 } });
    const q = { ...p, contacts: p.contacts.filter((c) => !["nearAnkle", "nearElbow", "nearWrist", "farElbow", "farWrist"].includes(c.site)) };
    const ball = pointOf(s, q, "nearBall");
    const sh = pointOf(s, q, "neck");
    const grip = { x: sh.x + (ball.x - sh.x) * 0.45, y: sh.y + (ball.y - sh.y) * 0.45 + 0.03 };
    return reach(s, q, grip, grip);
  };
  figure("hamstring-stretch-towel", "Hamstring stretch with towel", s, raise(40), raise(72), { hold: true, arrow: { joint: "nearAnkle" } });
}

{
  const s = side([{ kind: "cushion", x: -0.12, width: 0.18, height: 0.05 }]);
  const kneel = (shift: number, tilt: number) => {
    const p = steps(
      s,
      makePose({
        root: { x: shift, y: 0.32, pitch: tilt },
        near: { hip: { flex: -tilt }, knee: 95, ankle: -40 },
        far: { hip: { flex: 85 }, knee: 85, ankle: 0 },
        both: { shoulder: { flex: 20, abd: 10 }, elbow: 40 },
      }),
      [["root.y", ...legs("near")], [...resting("cushion", "nearKnee"), { site: "nearKnee", x: -0.12 }, ...resting("floor", "nearToe")]],
      [legs("far"), footGoals("floor", "far")],
    );
    const hands = between(s, p, "farHip", "farKnee", 0.75, 0, 0.05);
    return withContacts(reach(s, p, hands, hands), on("cushion", "nearKnee"), on("floor", "nearToe"), feetOn("floor", "far"));
  };
  figure("half-kneeling-hip-flexor-stretch", "Half-kneeling hip flexor stretch", s, kneel(-0.1, -4), kneel(0.02, -8), {
    hold: true,
    arrow: { joint: "pelvis" },
    accent: ["nearLeg"],
  });
}

{
  const s = side([{ kind: "chair", x: 0, seat: 0.26, back: "left" }]);
  const handsBehindHead = { shoulder: { flex: 150, abd: 35, rot: 30 }, elbow: 135, wrist: 0 };
  const sitting = seated(s, 0, 0.26, 0.27, { both: handsBehindHead });
  const start = modify(sitting, { both: handsBehindHead });
  const extended = steps(s, modify(lean(start, -8), { spine: { flex: -40 }, neck: { flex: -10 } }), [["root.x", "root.pitch"], [...resting("chair", "upperBack", "pelvis")]]);
  const end = steps(s, extended, [both(legs), [...footGoals("floor", "near", 0.27), ...footGoals("floor", "far", 0.27)]]);
  figure("thoracic-extension-chair", "Thoracic extension over a chair", s, start, withContacts(end, on("chair", "pelvis", "upperBack"), feetOn("floor")), {
    arrow: { joint: "head" },
  });
}

// ---------------------------------------------------------------------------------------------
// Hip strength (31–36)

{
  // seen a little from the feet end, so the bent knees lie across the picture rather than toward the viewer
  const s = side([mat(-0.62, 0.62), { kind: "band", from: { site: "nearKnee" }, to: { site: "farKnee" } }], 40);
  const lie = (open: number) =>
    steps(
      s,
      sideLying(s, {
        root: { pitch: -84 },
        near: { shoulder: { abd: 165 }, elbow: 15, hip: { flex: 45 }, knee: 90 },
        far: { shoulder: { flex: 20, abd: 0 }, elbow: 20, hip: { flex: 45, abd: open, rot: open * 0.6 }, knee: 90 },
      }),
      [["root.y", "root.pitch"], resting("mat", "nearHip", "nearShoulder")],
      [["near.shoulder.abd", "far.hip.abd"], [...resting("mat", "nearElbow"), { site: "farAnkle", alignY: "nearAnkle", dy: 0.06 }]],
    );
  const start = withContacts(lie(0), on("mat", "nearHip", "nearShoulder"));
  const end = withContacts(modify(bare(start), { far: { hip: { abd: start.far.hip.abd + 32, rot: 25 } } }), on("mat", "nearHip", "nearShoulder"));
  figure("clamshell", "Clamshell", s, start, end, { arrow: { joint: "farKnee" }, accent: ["farLeg"] });
}

{
  const s = side([mat(-0.62, 0.62)]);
  const start = withContacts(
    steps(
      s,
      sideLying(s, { root: { pitch: -84 }, near: { shoulder: { abd: 165 }, elbow: 20, hip: { flex: 35 }, knee: 70 }, far: { shoulder: { abd: 4 }, elbow: 10 } }),
      [["root.y", "root.pitch"], resting("mat", "nearHip", "nearShoulder")],
      [["near.shoulder.abd", "far.hip.abd"], [...resting("mat", "nearElbow"), { site: "farAnkle", alignY: "farHip", dy: -0.11 }]],
    ),
    on("mat", "nearHip", "nearShoulder"),
  );
  const end = modify(start, { far: { hip: { abd: start.far.hip.abd + 35 } } });
  figure("side-lying-hip-abduction", "Side-lying hip abduction", s, start, end, { arrow: { joint: "farAnkle" }, accent: ["farLeg"] });
}

{
  const s = front([{ kind: "chair", x: -0.42, seat: 0.26, back: "right" }]);
  const start = reach(s, standing(0), { x: -0.42 + 0.13 - 0.015, y: 0.26 + 0.26 + 0.02 }, null, ["near.shoulder.abd"]);
  const end = modify({ ...start, contacts: feetOn("floor", "near") }, { far: { hip: { abd: 32 } } });
  figure("standing-hip-abduction", "Standing hip abduction", s, start, end, { arrow: { joint: "farAnkle" }, accent: ["farLeg"] });
}

/** A counter in front of a standing figure (side view) and both hands resting on it. */
/** A kitchen counter whose front edge is at `x`. */
const counterAt = (x: number): Prop => ({ kind: "counter", x: x + 0.15, width: 0.3, height: 0.52 });
function handsOnCounter(s: Scene, p: Pose, x: number, which: ("near" | "far")[] = ["near", "far"]): Pose {
  const target = { x: x + 0.045, y: 0.52 + body.width.hand / 2 };
  const goals: Goal[] = which.flatMap((w) => [{ site: `${w}Palm` as JointName, ...target }, { site: `${w}Fingers` as JointName, on: "counter" }]);
  const q = settle(s, bare(p), which.flatMap((w) => [`${w}.shoulder.flex`, `${w}.elbow`, `${w}.wrist`]), goals);
  return withContacts({ ...q, contacts: p.contacts }, which.map((w) => ({ site: `${w}Palm` as JointName, on: "counter" })));
}

{
  const cx = 0.17;
  const s = side([counterAt(cx), { kind: "band", from: { site: "nearAnkle" }, to: { x: cx + 0.02, y: 0.06 } }]);
  const start = handsOnCounter(s, standing(0, { root: { pitch: 6 }, both: { hip: { flex: 6 } } }), cx);
  const end = modify({ ...start, contacts: start.contacts.filter((c) => !["nearHeel", "nearToe"].includes(c.site)) }, { near: { hip: { flex: -24 }, knee: 12, ankle: 5 } });
  figure("standing-hip-extension-band", "Standing hip extension with band", s, start, end, { arrow: { joint: "nearAnkle" }, accent: ["nearLeg"] });
}

{
  const s = front([{ kind: "band", from: { site: "nearAnkle" }, to: { site: "farAnkle" } }], -22);
  const squat = { root: { pitch: 12 }, both: { hip: { flex: 38 }, knee: 38, ankle: 14, shoulder: { flex: 20, abd: 10 }, elbow: 60 } };
  const start = stand(s, { ...squat, near: { hip: { abd: 4 } }, far: { hip: { abd: 4 } } }, -0.11, 0.11, ["near.hip.abd", "far.hip.abd"]);
  const end = stand(s, { ...squat, root: { pitch: 12, z: 0.06 }, near: { hip: { abd: 14 } }, far: { hip: { abd: 2 } } }, -0.3, 0.11, ["near.hip.abd", "far.hip.abd", "root.z", "root.tilt"]);
  figure("lateral-band-walk", "Lateral band walk", s, start, end, { arrow: { joint: "nearAnkle" }, accent: ["nearLeg"] });
}

{
  const step: Prop = { kind: "step", x: -0.06, width: 0.26, height: 0.12 };
  const s = front([step, { kind: "counter", x: -0.36, width: 0.26, height: 0.62 }]);
  const hitch = (tilt: number) => {
    const p = steps(
      s,
      makePose({ root: { x: 0, y: 0.64, tilt, z: -0.02 }, spine: { bend: tilt }, near: { hip: { abd: -tilt }, shoulder: { abd: 25 }, elbow: 20 }, far: { hip: { abd: tilt }, elbow: 8, shoulder: { abd: 5 } } }),
      [["root.y", "root.z", "near.hip.abd"], footGoals("step", "near", -0.07)],
    );
    const q = steps(
      s,
      modify(p, { near: { shoulder: { flex: 10, abd: 35 }, elbow: 25, wrist: -60 } }),
      [["near.shoulder.flex", "near.shoulder.abd", "near.elbow", "near.wrist"], [{ site: "nearPalm", x: -0.36 + 0.13 - 0.04, y: 0.62 + body.width.hand / 2 }, { site: "nearFingers", on: "counter" }]],
    );
    return withContacts(q, feetOn("step", "near"), on("counter", "nearPalm"));
  };
  figure("hip-hitch", "Hip hitch (pelvic drop)", s, hitch(15), hitch(-12), { arrow: { joint: "farAnkle" }, accent: ["farLeg"] });
}

// ---------------------------------------------------------------------------------------------
// Knee (37–43)

{
  const s = side([mat(-0.35, 0.75), { kind: "roll", x: 0.29, r: 0.035, base: MAT }]);
  const sit = longSitting(s, { neck: { flex: 10 } }, [...resting("roll", "nearKnee"), { site: "nearKnee", x: 0.29 }, ...resting("mat", "nearHeel", "farHeel")], on("roll", "nearKnee"));
  const end = withContacts(sit, on("mat", "nearHeel", "farHeel"));
  figure("quad-set", "Quad set (static quads)", s, end, null, { hold: true, arrow: { joint: "nearKnee", kind: "press", direction: -90 }, accent: ["nearLeg"] });
}

{
  const s = side([mat(-0.62, 0.65)]);
  const lying = steps(
    s,
    supine(s, { far: { hip: { flex: 50 }, knee: 95, ankle: -5 }, near: { ankle: 0 } }),
    [legs("far"), footGoals("mat", "far", 0.3)],
    [["near.hip.flex"], resting("mat", "nearAnkle")],
  );
  const start = armsDown(s, withContacts(lying, on("mat", "pelvis", "upperBack", "head", "nearAnkle"), feetOn("mat", "far")));
  const end = modify({ ...start, contacts: start.contacts.filter((c) => c.site !== "nearAnkle") }, { near: { hip: { flex: 42 }, ankle: 5 } });
  figure("straight-leg-raise", "Straight leg raise", s, start, end, { hold: true, arrow: { joint: "nearAnkle" }, accent: ["nearLeg"] });
}

{
  // a rolled towel about 12 cm across, so the knee starts slightly bent (the step's words); the other
  // knee bent with its foot flat, clear of the roll
  const s = side([mat(-0.62, 0.75), { kind: "roll", x: 0.24, r: 0.036, base: MAT }]);
  const lying = steps(
    s,
    supine(s, { near: { hip: { flex: 12 }, knee: 25, ankle: 0 }, far: { hip: { flex: 50 }, knee: 95, ankle: -5 } }),
    [["near.hip.flex", "near.knee"], [...resting("roll", "nearKnee"), ...resting("mat", "nearHeel")]],
    [legs("far"), footGoals("mat", "far", 0.32)],
  );
  const start = armsDown(s, withContacts(lying, on("mat", "pelvis", "upperBack", "head", "nearHeel"), feetOn("mat", "far"), on("roll", "nearKnee")));
  const end = modify({ ...start, contacts: start.contacts.filter((c) => c.site !== "nearHeel") }, { near: { knee: 0, ankle: 5 } });
  figure("inner-range-quads", "Inner-range quads over a roll", s, start, end, { hold: true, arrow: { joint: "nearAnkle" }, accent: ["nearLeg"] });
}

{
  const s = side([{ kind: "post", x: 0.45, height: 0.5 }, { kind: "band", from: { site: "nearKnee" }, to: { x: 0.45, y: 0.3 } }]);
  const bent = stand(s, { near: { hip: { flex: 28 }, knee: 32, ankle: 15 }, far: { knee: 12 }, root: { pitch: 6 } }, 0.02, -0.03, []);
  const straight = stand(s, { near: { knee: 0 } }, 0.02, -0.03, []);
  figure("terminal-knee-extension-band", "Standing terminal knee extension with band", s, bent, straight, { arrow: { joint: "nearKnee" }, accent: ["nearLeg"] });
}

{
  const s = side([{ kind: "chair", x: 0, seat: 0.26, back: "left" }, { kind: "ankleWeight", at: "nearAnkle" }]);
  const sitting = seated(s, 0, 0.26, 0.25);
  const hands = between(s, sitting, "nearHip", "nearKnee", 0.25, 0, 0.05);
  const start = reach(s, sitting, hands, hands);
  const end = modify({ ...start, contacts: start.contacts.filter((c) => !["nearHeel", "nearToe"].includes(c.site)) }, { near: { knee: 2, ankle: 5 } });
  figure("seated-knee-extension", "Seated knee extension", s, start, end, { arrow: { joint: "nearAnkle" }, accent: ["nearLeg"] });
}

{
  const s = side([mat(-0.62, 0.7), { kind: "pad", x1: 0.1, x2: 0.62, base: MAT }]);
  const straight = steps(
    s,
    supine(s, { both: { ankle: 0 } }),
    [["near.hip.flex"], resting("pad", "nearHeel")],
    [["far.hip.flex"], resting("mat", "farAnkle")],
  );
  const start = armsDown(s, withContacts(straight, on("mat", "pelvis", "upperBack", "head", "farAnkle"), on("pad", "nearHeel")));
  const bent = steps(s, modify(start, { near: { hip: { flex: 60 }, knee: 100, ankle: 5 } }), [legs("near"), footGoals("pad", "near", 0.16)]);
  const end = armsDown(s, withContacts(bent, on("mat", "pelvis", "upperBack", "head", "farAnkle"), feetOn("pad", "near")));
  figure("heel-slides", "Heel slides", s, start, end, { arrow: { joint: "nearHeel" }, accent: ["nearLeg"] });
}

{
  const s = side([mat(-0.35, 0.8), { kind: "roll", x: 0.55, r: 0.05, base: MAT }]);
  const sit = longSitting(s, { neck: { flex: 10 } }, [...resting("roll", "nearHeel"), { site: "nearHeel", x: 0.55 }, ...resting("mat", "farHeel")], on("roll", "nearHeel"));
  figure("heel-prop-knee-extension", "Heel-prop knee extension", s, withContacts(sit, on("mat", "farHeel")), null, {
    hold: true,
    arrow: { joint: "nearKnee", kind: "press", direction: -90 },
    accent: ["nearLeg"],
  });
}

// ---------------------------------------------------------------------------------------------
// Knee strength (44–53)

const crossedArms = { shoulder: { flex: 55, abd: 10, rot: -70 }, elbow: 120, wrist: 0 };

{
  const s = side([{ kind: "chair", x: 0, seat: 0.26, back: "left" }]);
  const sit = seated(s, 0, 0.26, 0.22, { root: { pitch: 10 }, both: { ...crossedArms, hip: { flex: 95 } } });
  const stood = stand(s, { both: crossedArms }, 0.2, 0.2);
  const end = modify(stood, { both: crossedArms });
  figure("sit-to-stand", "Sit-to-stand", s, modify(sit, { both: crossedArms }), end, { arrow: { joint: "pelvis" } });
}

/** A chair turned round so its backrest (on its left) can be held by someone standing to its left. */
const chairToHold = (x: number): Prop => ({ kind: "chair", x, seat: 0.26, back: "left" });
function holdChair(s: Scene, p: Pose, chairX: number): Pose {
  const top = { x: chairX - 0.13 + 0.015, y: 0.26 + 0.26 + body.width.hand / 2 - 0.004 };
  return withContacts(reach(s, p, top, top), on("chair", "nearPalm", "farPalm"));
}

{
  const cx = 0.33;
  const s = side([chairToHold(cx)]);
  const start = holdChair(s, standing(0), cx);
  // about a quarter squat: the knees bend to 40°, inside the early kneecap range (0–45°)
  const squat = holdChair(s, lean(stand(s, { both: { hip: { flex: 30 }, knee: 40, ankle: 15 } }, pointOf(s, start, "nearHeel").x, pointOf(s, start, "farHeel").x), 16), cx);
  figure("mini-squat", "Mini squat with support", s, start, squat, { arrow: { joint: "pelvis" }, accent: ["nearLeg", "farLeg"] });
}

{
  const s = side([{ kind: "wall", x: -0.12, side: "left" }]);
  const against = (knee: number) => {
    const p = steps(
      s,
      makePose({ root: { x: 0, y: 0.5 }, both: { hip: { flex: knee * 0.9 }, knee, ankle: knee * 0.1, shoulder: { flex: 5, abd: 6 }, elbow: 10 } }),
      [["root.x", "root.y", ...both(legs)], [...resting("wall", "pelvis", "upperBack"), ...footGoals("floor", "near", 0.22), ...footGoals("floor", "far", 0.22)]],
    );
    return withContacts(p, on("wall", "pelvis", "upperBack"), feetOn("floor"));
  };
  figure("wall-sit", "Wall sit", s, against(18), against(78), { hold: true, arrow: { joint: "pelvis" }, accent: ["nearLeg", "farLeg"] });
}

{
  const step: Prop = { kind: "step", x: 0.3, width: 0.3, height: 0.12 };
  const s = side([step]);
  const start = steps(
    s,
    makePose({ root: { x: 0, y: 0.5, pitch: 8 }, near: { hip: { flex: 50 }, knee: 60, ankle: 10 }, far: { hip: { flex: -5 } }, both: { shoulder: { abd: 5 }, elbow: 15 } }),
    [["root.x", "root.y", ...both(legs)], [...footGoals("step", "near", 0.22), ...footGoals("floor", "far", -0.05)]],
  );
  const top = stand(s, { root: { y: 0.65 } }, 0.22, 0.26);
  const onStep = steps(s, makePose({ ...top, root: { ...top.root, y: 0.65 } }), [["root.x", "root.y", ...both(legs)], [...footGoals("step", "near", 0.22), ...footGoals("step", "far", 0.24)]]);
  figure("forward-step-up", "Forward step-up", s, withContacts(start, feetOn("step", "near"), feetOn("floor", "far")), withContacts(onStep, feetOn("step")), {
    arrow: { joint: "pelvis" },
    accent: ["nearLeg"],
  });
}

{
  const s = front([{ kind: "step", x: -0.16, width: 0.26, height: 0.12 }]);
  const start = steps(
    s,
    makePose({ root: { x: 0, y: 0.5 }, near: { hip: { flex: 30, abd: 8 }, knee: 45, ankle: 10 }, both: { shoulder: { abd: 8 }, elbow: 10 } }),
    [["root.y", "root.z", "root.tilt", ...legs("near"), "near.hip.abd", "far.hip.abd"], [...footGoals("step", "near", -0.2), ...footGoals("floor", "far", 0.1)]],
  );
  const end = steps(
    s,
    makePose({ root: { x: 0, y: 0.64, z: 0.1 }, near: { hip: { abd: 4 } }, far: { hip: { abd: 8 }, knee: 30, ankle: -10 }, both: { shoulder: { abd: 8 }, elbow: 10 } }),
    [["root.y", "root.z", "near.hip.abd"], footGoals("step", "near", -0.2)],
  );
  figure("lateral-step-up", "Lateral step-up", s, withContacts(start, feetOn("step", "near"), feetOn("floor", "far")), withContacts(end, feetOn("step", "near")), {
    arrow: { joint: "pelvis" },
    accent: ["nearLeg"],
  });
}

{
  const s = side([{ kind: "step", x: 0, width: 0.3, height: 0.1 }]);
  const top = steps(
    s,
    makePose({ root: { x: 0, y: 0.63 }, near: { ankle: 0 }, far: { hip: { flex: 25 }, knee: 20, ankle: 5 }, both: { shoulder: { abd: 12 }, elbow: 15 } }),
    [["root.x", "root.y", ...legs("near")], footGoals("step", "near", 0.0)],
  );
  const down = steps(
    s,
    makePose({ root: { x: 0.05, y: 0.55, pitch: 12 }, near: { hip: { flex: 40 }, knee: 55, ankle: 20 }, far: { hip: { flex: 30 }, knee: 0, ankle: 0 }, both: { shoulder: { abd: 12, flex: 10 }, elbow: 15 } }),
    [["root.x", "root.y", "root.pitch", ...legs("near"), "far.hip.flex", "far.knee"], [...footGoals("step", "near", 0.0), ...resting("floor", "farHeel"), { site: "farHeel", x: 0.23 }]],
  );
  figure("eccentric-step-down", "Eccentric step-down", s, withContacts(top, feetOn("step", "near")), withContacts(down, feetOn("step", "near"), on("floor", "farHeel")), {
    arrow: { joint: "pelvis" },
    accent: ["nearLeg"],
  });
}

{
  const s = side();
  // from nearly straight legs down until the back knee is just above the floor; the start stands over the
  // same spot as the end, so the body goes straight down
  const feet: Goal[] = [...footGoals("floor", "near", 0.22), ...resting("floor", "farToe"), { site: "farToe", x: -0.34 }, { site: "farBall", alignY: "farToe", dy: 0.037 }];
  const split = (knee: number, free: Param[], goals: Goal[], x = 0) =>
    steps(
      s,
      makePose({ root: { x, y: 0.3 + knee / 500 }, near: { hip: { flex: 10 + knee / 2 }, knee, ankle: 0 }, far: { hip: { flex: -25 }, knee: 20 + knee / 2, ankle: 30 }, both: { shoulder: { abd: 8 }, elbow: 20 } }),
      [["root.y", "near.hip.flex", "near.ankle", "far.hip.flex", "far.knee", "far.ankle", ...free], [...feet, ...goals]],
    );
  const end = withContacts(split(90, ["root.x", "near.knee"], [{ site: "farKnee", y: body.width.thigh / 2 + 0.035 }]), feetOn("floor", "near"), on("floor", "farToe"));
  const start = withContacts(split(5, [], [], end.root.x), feetOn("floor", "near"), on("floor", "farToe"));
  figure("split-squat", "Split squat", s, start, end, { arrow: { joint: "farKnee", bulge: -1 }, accent: ["nearLeg", "farLeg"] });
}

{
  const press: Prop = { kind: "legPress", seat: { x: 0, y: 0.3 }, backAngle: 55, plateAngle: 20 };
  const s = side([press]);
  const seatedPress = (knee: number, flexHip: number) =>
    steps(
      s,
      makePose({ root: { x: -0.08, y: 0.3 + TR, pitch: -52 }, both: { hip: { flex: flexHip }, knee, ankle: 10, shoulder: { flex: 20 }, elbow: 30 } }),
      [["root.x", "root.y", "root.pitch"], [...resting("legPress", "pelvis", "upperBack")]],
    );
  // the start as the step says: knees only slightly bent (within the early kneecap range, 0–45°)
  const start = withContacts(seatedPress(38, 82), on("legPress", "pelvis", "upperBack"));
  const end = withContacts(seatedPress(12, 70), on("legPress", "pelvis", "upperBack"));
  figure("leg-press", "Leg press", s, start, end, { arrow: { joint: "nearAnkle" }, accent: ["nearLeg", "farLeg"] });
}

{
  const cx = 0.33;
  const s = side([chairToHold(cx)]);
  const start = holdChair(s, standing(0, { root: { pitch: 4 }, both: { hip: { flex: 4 } } }), cx);
  const end = modify({ ...start, contacts: start.contacts.filter((c) => !["nearHeel", "nearToe"].includes(c.site)) }, { near: { knee: 90, hip: { flex: 4 }, ankle: -15 } });
  figure("standing-hamstring-curl", "Standing hamstring curl", s, start, end, { arrow: { joint: "nearAnkle" }, accent: ["nearLeg"] });
}

{
  const cx = 0.1;
  const s = side([counterAt(cx)]);
  const start = handsOnCounter(s, standing(0), cx);
  const toes = steps(s, modify(bare(start), { both: { ankle: -30 } }), [["root.y", "root.x"], [...resting("floor", "nearToe", "farToe"), { site: "nearToe", x: pointOf(s, start, "nearToe").x }]]);
  const end = handsOnCounter(s, withContacts(toes, on("floor", "nearToe", "farToe")), cx);
  figure("calf-raise", "Calf raise", s, start, end, { arrow: { joint: "nearHeel" }, accent: ["nearLeg", "farLeg"] });
}

// ---------------------------------------------------------------------------------------------
// Stretch and balance (54–58)

{
  const s = side([{ kind: "wall", x: 0.42, side: "right" }]);
  const lunge = steps(
    s,
    makePose({ root: { x: 0, y: 0.5, pitch: 18 }, near: { hip: { flex: 0 }, knee: 0, ankle: 0 }, far: { hip: { flex: 45 }, knee: 40, ankle: 10 }, both: { shoulder: { flex: 80 }, elbow: 20, wrist: -80 } }),
    [["root.x", "root.y", ...both(legs)], [...footGoals("floor", "near", -0.35), ...footGoals("floor", "far", 0.12)]],
    [["root.pitch", "near.hip.flex", "far.hip.flex", ...both(arm), "near.wrist", "far.wrist"], [...resting("wall", "nearPalm", "farPalm", "nearFingers", "farFingers"), { site: "nearPalm", y: 0.74 }, { site: "farPalm", y: 0.74 }, ...footGoals("floor", "near"), ...footGoals("floor", "far")]],
  );
  figure("calf-stretch-wall", "Calf stretch against a wall", s, withContacts(lunge, feetOn("floor"), on("wall", "nearPalm", "farPalm")), null, { hold: true, accent: ["nearLeg"] });
}

{
  const cx = 0.17;
  const s = side([counterAt(cx)]);
  const stood = standing(0, { far: { shoulder: { flex: 50 } } });
  const bent = modify({ ...stood, contacts: feetOn("floor", "far") }, { near: { hip: { flex: -8 }, knee: 140, ankle: -30 } });
  const ankle = pt(s, bent, "nearAnkle", -0.01, 0.02);
  const q = settle(s, bent, ["near.shoulder.flex", "near.elbow", "near.wrist", "near.shoulder.abd"], [{ site: "nearPalm", ...ankle }]);
  const end = handsOnCounter(s, q, cx, ["far"]);
  figure("quadriceps-stretch", "Quadriceps stretch", s, end, null, { hold: true, accent: ["nearLeg"] });
}

{
  const cx = 0.17;
  const s = side([counterAt(cx)]);
  const stood = standing(0);
  const one = modify({ ...stood, contacts: feetOn("floor", "near") }, { far: { hip: { flex: 35 }, knee: 65, ankle: -10 } });
  const end = handsOnCounter(s, one, cx, ["near"]);
  figure("single-leg-stance", "Single-leg stance", s, modify(end, { far: { shoulder: { abd: 20 }, elbow: 20 } }), null, { hold: true, accent: ["nearLeg"] });
}

{
  // turned a little so the arms held out for balance show, with the feet heel to toe in one line
  const s = side([], -35);
  const inLine = steps(
    s,
    makePose({ root: { x: 0, y: 0.52 }, near: { hip: { flex: 6, abd: -8 } }, far: { hip: { flex: -6, abd: -8 } }, both: { shoulder: { abd: 40 }, elbow: 15 } }),
    [["root.x", "root.y", "near.hip.flex", "near.hip.abd", "near.ankle", "far.hip.flex", "far.hip.abd", "far.ankle"], [
      ...resting("floor", "nearHeel", "nearToe", "farHeel", "farToe"),
      { site: "nearHeel", x: 0.05 },
      { site: "nearHeel", touch: "farToe", d: 0.012 },
      { site: "nearToe", touch: "farHeel", d: segment.foot * 2 + 0.012 },
    ]],
  );
  const tandem = withContacts(inLine, feetOn("floor"));
  figure("tandem-stance", "Tandem stance and heel-toe walk", s, tandem, null, { hold: true });
}

{
  const board: Prop = { kind: "board", x: 0, width: 0.42 };
  const s = front([board]);
  const p = steps(
    s,
    makePose({ root: { x: 0, y: 0.6 }, both: { hip: { flex: 8, abd: 6 }, knee: 15, ankle: 4, shoulder: { abd: 50 }, elbow: 15 } }),
    // the height alone first, so the knees stay slightly bent as the steps say
    [["root.y"], [...footGoals("board", "near", -0.12), ...footGoals("board", "far", 0.12)]],
    [["root.y", "near.ankle", "far.ankle"], [...footGoals("board", "near", -0.12), ...footGoals("board", "far", 0.12)]],
  );
  figure("wobble-board", "Wobble board or foam balance", s, withContacts(p, feetOn("board")), null, { hold: true });
}

// ---------------------------------------------------------------------------------------------
// Aerobic (59–63)

function stride(s: Scene, x: number, lead: "near" | "far"): Pose {
  const back = lead === "near" ? "far" : "near";
  const p = makePose({
    root: { x, y: 0.5, pitch: 3 },
    [lead]: { hip: { flex: 24 }, knee: 4, ankle: 0, shoulder: { flex: -22 }, elbow: 25 },
    [back]: { hip: { flex: -14 }, knee: 8, ankle: -12, shoulder: { flex: 25 }, elbow: 35 },
  } as PoseInput);
  const q = steps(s, p, [["root.y", `${lead}.hip.flex`, `${back}.hip.flex`, `${back}.ankle`, `${lead}.ankle`], [
    ...resting("floor", `${lead}Heel`, `${back}Ball`, `${back}Toe`),
    { site: `${lead}Heel`, x: x + 0.17 },
    { site: `${lead}Toe`, y: 0.04 },
  ]]);
  return withContacts(q, on("floor", `${lead}Heel`, `${back}Ball`, `${back}Toe`));
}

{
  const s = side();
  figure("walking-programme", "Walking programme", s, stride(s, 0, "near"), stride(s, 0.36, "far"), { arrow: { joint: "pelvis" } });
}

{
  const bike: Prop = { kind: "bike", x: 0.2, crankHeight: 0.2, crank: 0.09, saddle: { x: -0.02, y: 0.53 }, bars: { x: 0.36, y: 0.74 } };
  const s = side([bike]);
  const ride = (angle: number) => {
    const a = (angle * Math.PI) / 180;
    const pedal = (d: number) => ({ x: 0.2 + Math.cos(a + d) * 0.09, y: 0.2 + Math.sin(a + d) * 0.09 });
    const p = steps(
      s,
      makePose({ root: { x: -0.03, y: 0.53 + TR, pitch: 25 }, both: { hip: { flex: 70 }, knee: 60, ankle: 0, shoulder: { flex: 60 }, elbow: 20, wrist: 20 } }),
      [["root.x", "root.y"], [...resting("bike", "pelvis"), { site: "pelvis", x: -0.03 }]],
      [legs("near"), [{ site: "nearBall", ...pedal(0) }, { site: "nearBall", alignY: "nearHeel", dy: 0.01 }]],
      [legs("far"), [{ site: "farBall", ...pedal(Math.PI) }, { site: "farBall", alignY: "farHeel", dy: 0.01 }]],
    );
    const hands = reach(s, p, { x: 0.36 - 0.01, y: 0.74 + 0.02 }, { x: 0.36 - 0.01, y: 0.74 + 0.02 });
    return withContacts(hands, on("bike", "pelvis", "nearBall", "farBall"));
  };
  figure("stationary-cycling", "Stationary cycling", s, ride(60), ride(-100), { arrow: { joint: "nearBall" }, accent: ["nearLeg"] });
}

{
  const water = 0.5;
  const s = side([{ kind: "water", y: water }]);
  const swim = (breathe: boolean) =>
    makePose({
      root: { x: 0, y: water - 0.035, pitch: 92 },
      neck: { flex: breathe ? -5 : 5, turn: breathe ? 70 : 0 },
      near: breathe
        ? { shoulder: { flex: 12, abd: 6 }, elbow: 10, hip: { flex: -3 }, knee: 4, ankle: -55 }
        : { shoulder: { flex: 178, abd: 4 }, elbow: 4, hip: { flex: 5 }, knee: 12, ankle: -55 },
      far: breathe
        ? { shoulder: { flex: 178, abd: 4 }, elbow: 4, hip: { flex: 5 }, knee: 12, ankle: -55 }
        : { shoulder: { flex: 70, abd: 10 }, elbow: 30, hip: { flex: -3 }, knee: 4, ankle: -55 },
    });
  figure("swimming", "Swimming or water aerobics", s, swim(false), swim(true), { accent: ["nearArm"] });
}

{
  // seen from the front: from standing tall with soft knees, the knees bend and the arms round into
  // "holding the ball", one hand at chest height and the other below it in front of the belly
  const s = front([], -12);
  const ready = stand(s, { both: { hip: { flex: 8, abd: 5 }, knee: 10, ankle: 4, shoulder: { flex: 12, abd: 14 }, elbow: 18, wrist: -15 } }, -0.13, 0.13, ["near.hip.abd", "far.hip.abd"]);
  const ball = stand(
    s,
    { root: { pitch: 4 }, neck: { flex: -4 }, both: { hip: { flex: 30, abd: 6 }, knee: 38, ankle: 14 }, near: { shoulder: { flex: 70, abd: 38, rot: -62 }, elbow: 96, wrist: 8 }, far: { shoulder: { flex: 26, abd: 24, rot: -62 }, elbow: 96, wrist: -8 } },
    -0.13,
    0.13,
    ["near.hip.abd", "far.hip.abd"],
  );
  figure("tai-chi", "Tai chi", s, ready, ball, { arrow: { joint: "nearWrist" }, accent: ["nearArm", "farArm"] });
}

{
  const s = side([mat(-0.55, 0.75)]);
  const start = quadruped(s, 0);
  const hands = pointOf(s, start, "nearPalm");
  const toes = pointOf(s, start, "nearToe");
  const dog = steps(
    s,
    makePose({ root: { x: 0, y: 0.5, pitch: 140 }, neck: { flex: 5 }, both: { hip: { flex: 100 }, knee: 0, ankle: 10, shoulder: { flex: 170 }, elbow: 0, wrist: 60 } }),
    [["root.x", "root.y", "root.pitch", ...both(legs), ...both(arm), "near.wrist", "far.wrist"], [
      ...resting("mat", "nearPalm", "farPalm", "nearFingers", "farFingers", "nearBall", "farBall", "nearToe", "farToe"),
      { site: "nearPalm", x: hands.x + 0.05 },
      { site: "farPalm", x: hands.x + 0.05 },
      { site: "nearBall", x: toes.x + 0.1 },
      { site: "farBall", x: toes.x + 0.1 },
    ]],
  );
  figure("gentle-yoga", "Gentle yoga", s, start, withContacts(dog, on("mat", "nearPalm", "farPalm", "nearBall", "farBall")), { arrow: { joint: "pelvis" } });
}

// ---------------------------------------------------------------------------------------------

export const authoredFigures: readonly Entry[] = entries;
