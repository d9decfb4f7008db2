import { readFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { contactErrors, makePose } from "./pose";
import { penetration, propSolids } from "./geometry";
import { body, cameraAzimuth, forwardKinematics, modelSegments, project, sub, type Vec3 } from "./kinematics";
import { figureEntries, figureLibrary, getFigure } from "./library";
import { figureSpecSchema, jointNames, segment, type FigureSpec, type Pose } from "./model";
import { palette, renderFigure } from "./render";
import { getBuiltInExercise } from "@/lib/catalogue/exercises";

const contract = readFileSync(path.resolve(import.meta.dirname, "../../docs/CATALOGUE-SLUGS.md"), "utf8");
const contractRows = [...contract.matchAll(/^\|\s*(\d+)\s*\|\s*([a-z0-9-]+)\s*\|\s*(.+?)\s*\|\s*$/gm)].map((m) => ({
  n: Number(m[1]),
  slug: m[2],
  name: m[3],
}));

const FLOOR_TOLERANCE = 0.006; // H: about a centimetre for an adult
const CONTACT_TOLERANCE = 0.006;

function poses(spec: FigureSpec): [string, Pose][] {
  return spec.end ? [["start", spec.start], ["end", spec.end]] : [["start", spec.start]];
}
const dist = (a: Vec3, b: Vec3) => Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);

describe("the figure library covers the catalogue contract", () => {
  it("reads all 63 slugs from the contract", () => {
    expect(contractRows).toHaveLength(63);
    expect(contractRows.map((r) => r.n)).toEqual(Array.from({ length: 63 }, (_, i) => i + 1));
  });

  it.each(contractRows)("$n $slug has a figure that parses", ({ slug, name }) => {
    const spec = getFigure(slug);
    expect(spec, `no figure for ${slug}`).toBeDefined();
    expect(figureSpecSchema.safeParse(spec).success).toBe(true);
    expect(figureEntries.find((e) => e.slug === slug)?.name).toBe(name);
  });

  it("has no figures beyond the contract, in catalogue order", () => {
    expect(figureEntries.map((e) => e.slug)).toEqual(contractRows.map((r) => r.slug));
    expect(getFigure("no-such-exercise")).toBeUndefined();
    expect(getFigure("constructor")).toBeUndefined();
  });

  it("is plain JSON data (it is stored in jsonb and frozen into issued plans)", () => {
    const roundTripped = JSON.parse(JSON.stringify(figureLibrary)) as Record<string, unknown>;
    expect(roundTripped).toEqual(figureLibrary);
    for (const spec of Object.values(roundTripped)) expect(figureSpecSchema.parse(spec)).toEqual(spec);
  });

  it("gives static holds a single pose with a hold marker", () => {
    for (const slug of ["prone-lying", "abdominal-brace", "calf-stretch-wall", "single-leg-stance", "quad-set"]) {
      const spec = getFigure(slug)!;
      expect(spec.end, slug).toBeNull();
      expect(spec.hold, slug).toBe(true);
    }
  });
});

describe("the body model", () => {
  it("stands exactly one height tall with the design's proportions", () => {
    const s = forwardKinematics(makePose()).points;
    const headTop = s.head[1] + body.headRadius;
    expect(headTop).toBeCloseTo(1, 6);
    expect(s.nearHeel[1]).toBeCloseTo(0, 6);
    expect(s.nearToe[1]).toBeCloseTo(0, 6);
    expect(s.nearHip[1]).toBeCloseTo(segment.ankleHeight + segment.shank + segment.thigh, 6);
    expect(s.neck[1] - s.pelvis[1]).toBeCloseTo(segment.trunk, 6);
    expect(dist(s.nearShoulder, s.farShoulder)).toBeCloseTo(segment.shoulderWidth, 6);
    // arms hang to mid-thigh: fingertips lower than the hip, higher than the knee
    expect(s.nearFingers[1]).toBeLessThan(s.nearHip[1]);
    expect(s.nearFingers[1]).toBeGreaterThan(s.nearKnee[1]);
  });

  it("keeps every segment length whatever the joint angles (property)", () => {
    const angle = fc.double({ min: -180, max: 180, noNaN: true });
    const ball = fc.record({ flex: angle, abd: angle, rot: angle });
    const limb = fc.record({ shoulder: ball, elbow: angle, wrist: angle, hip: ball, knee: angle, ankle: angle });
    const pose = fc.record({
      root: fc.record({ x: fc.double({ min: -1, max: 1, noNaN: true }), y: fc.double({ min: 0, max: 1, noNaN: true }), z: fc.constant(0), pitch: angle, tilt: angle, spin: angle, turn: angle }),
      spine: fc.record({ flex: angle, bend: angle, twist: angle }),
      neck: fc.record({ flex: angle, turn: angle }),
      near: limb,
      far: limb,
      contacts: fc.constant([] as Pose["contacts"]),
    });
    fc.assert(
      fc.property(pose, (p) => {
        const s = forwardKinematics(p).points;
        for (const [a, b, length] of modelSegments) expect(dist(s[a], s[b])).toBeCloseTo(length, 9);
        const spine = dist(s.pelvis, s.lowerBack) + dist(s.lowerBack, s.upperBack) + dist(s.upperBack, s.neck);
        expect(spine).toBeCloseTo(segment.trunk, 9);
        expect(dist(s.neck, s.head)).toBeCloseTo(Math.hypot(body.headOffset, body.headForward), 9);
      }),
      { numRuns: 200 },
    );
  });
});

describe.each(figureEntries.map((e) => ({ slug: e.slug, spec: e.spec })))("figure $slug", ({ spec }) => {
  const az = cameraAzimuth(spec);

  it("keeps limb lengths identical between start and end, equal to the model", () => {
    for (const [, pose] of poses(spec)) {
      const s = forwardKinematics(pose).points;
      for (const [a, b, length] of modelSegments) expect(dist(s[a], s[b]), `${a}-${b}`).toBeCloseTo(length, 9);
    }
  });

  it("never puts a joint through the floor", () => {
    for (const [which, pose] of poses(spec)) {
      const s = forwardKinematics(pose).points;
      for (const name of jointNames) {
        expect(project(s[name], az).y, `${which} ${name}`).toBeGreaterThanOrEqual(-FLOOR_TOLERANCE);
      }
    }
  });

  it("never puts a joint inside a prop", () => {
    for (const [which, pose] of poses(spec)) {
      const s = forwardKinematics(pose).points;
      for (const prop of spec.props) {
        for (const solid of propSolids(prop)) {
          for (const name of jointNames) {
            expect(penetration(project(s[name], az), solid), `${which} ${name} inside ${prop.kind}`).toBeLessThanOrEqual(FLOOR_TOLERANCE);
          }
        }
      }
    }
  });

  it("rests every declared contact on its floor or prop", () => {
    for (const [which, pose] of poses(spec)) {
      expect(pose.contacts.length, `${which} pose declares what it rests on`).toBeGreaterThan(spec.props.some((p) => p.kind === "water") ? -1 : 0);
      for (const { contact, error } of contactErrors(spec, pose)) {
        expect(Math.abs(error), `${which} ${contact.site} on ${contact.on}`).toBeLessThanOrEqual(CONTACT_TOLERANCE);
      }
    }
  });

  it("has a plausible body: joints within human ranges, the body no bigger than one standing height", () => {
    for (const [which, pose] of poses(spec)) {
      for (const side of [pose.near, pose.far]) {
        expect(side.knee, which).toBeGreaterThanOrEqual(-5);
        expect(side.knee, which).toBeLessThanOrEqual(166);
        expect(side.elbow, which).toBeGreaterThanOrEqual(-7);
        expect(side.elbow, which).toBeLessThanOrEqual(156);
        expect(side.hip.flex, which).toBeGreaterThanOrEqual(-36);
        expect(side.hip.flex, which).toBeLessThanOrEqual(169);
        expect(side.ankle, which).toBeGreaterThanOrEqual(-101);
        expect(side.ankle, which).toBeLessThanOrEqual(46);
      }
      expect(Math.abs(pose.spine.flex), which).toBeLessThanOrEqual(86);
      const pts = Object.values(forwardKinematics(pose).points).map((p) => project(p, az));
      const width = Math.max(...pts.map((p) => p.x)) - Math.min(...pts.map((p) => p.x));
      const height = Math.max(...pts.map((p) => p.y)) - Math.min(...pts.map((p) => p.y));
      // arms overhead make a body about 1.3 standing heights long
      expect(Math.max(width, height), which).toBeLessThan(1.4);
      expect(Math.max(width, height), which).toBeGreaterThan(0.4);
    }
  });

  it("points its arrow at a joint that moves, when it has one", () => {
    if (!spec.arrow || spec.arrow.kind === "press" || !spec.end) return;
    const a = project(forwardKinematics(spec.start).points[spec.arrow.joint], az);
    const b = project(forwardKinematics(spec.end).points[spec.arrow.joint], az);
    expect(Math.hypot(a.x - b.x, a.y - b.y)).toBeGreaterThan(0.02);
  });
});

// The catalogue's steps for both planks teach the easier version on the knees; a picture on the feet
// would have a patient do the harder one.
describe.each(["side-plank", "front-plank"])("the %s figure shows the version on the knees", (slug) => {
  const spec = getFigure(slug)!;
  const az = cameraAzimuth(spec);
  const at = (pose: Pose) => forwardKinematics(pose).points;

  it("rests on the forearms and knees, not the feet, while held", () => {
    const sites = spec.end!.contacts.map((c) => c.site);
    expect(sites).toEqual(expect.arrayContaining(["nearElbow", "nearWrist", "nearKnee"]));
    expect(sites.filter((s) => /(Toe|Heel|Ball)$/.test(s))).toEqual([]);
  });

  it("lifts the hips from the mat into a straight line from the shoulders to the knees", () => {
    const start = at(spec.start);
    const end = at(spec.end!);
    expect(project(end.pelvis, az).y - project(start.pelvis, az).y).toBeGreaterThan(0.05);
    expect(spec.start.contacts.map((c) => c.site)).toEqual(expect.arrayContaining([slug === "side-plank" ? "nearHip" : "pelvis"]));
    const trunk = sub(end.neck, end.pelvis);
    const thigh = sub(end.nearHip, end.nearKnee);
    const cos = trunk.reduce((s, v, i) => s + v * thigh[i], 0) / (Math.hypot(...trunk) * Math.hypot(...thigh));
    expect((Math.acos(Math.min(1, cos)) * 180) / Math.PI, "degrees between trunk and thigh").toBeLessThan(6);
  });

  it("bends the knees rather than balancing on straight legs", () => {
    for (const pose of [spec.start, spec.end!]) expect(pose.near.knee).toBeGreaterThan(60);
  });
});

/** Where a pose's joints land in the figure's picture (its camera's projection), by joint name. */
function pictureOf(spec: FigureSpec) {
  const az = cameraAzimuth(spec);
  return (pose: Pose) => {
    const points = forwardKinematics(pose).points;
    return (joint: keyof typeof points) => project(points[joint], az);
  };
}

// Side-lying, not on all fours: the supporting forearm flat on the mat under the shoulder, the top arm up in
// line with it (lying along the body it read as a crawl seen from the front), and both arms in the dark ink
// of a near limb. Hips on the mat at the start, lifted in line with shoulder and knee at the end.
describe("the side-plank figure reads as side-lying on one forearm", () => {
  const spec = getFigure("side-plank")!;
  const pic = pictureOf(spec);

  it("props the body on the forearm, flat on the mat under the shoulder, at start and end", () => {
    for (const [which, pose] of poses(spec)) {
      const p = pic(pose);
      expect(Math.abs(p("nearElbow").x - p("nearShoulder").x), `${which} elbow under the shoulder`).toBeLessThan(0.01);
      for (const site of ["nearElbow", "nearWrist"] as const) expect(p(site).y, `${which} ${site} on the mat`).toBeLessThan(0.06);
      expect(p("nearShoulder").y - p("nearElbow").y, `${which} upper arm upright`).toBeGreaterThan(0.15);
    }
  });

  it("has the hips down at the start and shoulder, hip and knee in a line at the end", () => {
    const start = pic(spec.start);
    const end = pic(spec.end!);
    expect(start("nearHip").y, "hip on the mat").toBeLessThan(0.015 + 0.06 + 0.006);
    expect(end("nearHip").y - start("nearHip").y, "hip lifted").toBeGreaterThan(0.05);
    // the hip's distance from the shoulder–knee line, in the picture
    const [a, b, h] = [end("nearShoulder"), end("nearKnee"), end("nearHip")];
    const off = Math.abs((b.x - a.x) * (h.y - a.y) - (b.y - a.y) * (h.x - a.x)) / Math.hypot(b.x - a.x, b.y - a.y);
    expect(off, "hip on the shoulder–knee line").toBeLessThan(0.03);
  });

  it("raises the top arm straight above the shoulders", () => {
    for (const [which, pose] of poses(spec)) {
      const p = pic(pose);
      expect(p("farWrist").y - p("farShoulder").y, `${which} top hand high`).toBeGreaterThan(0.25);
      expect(Math.abs(p("farWrist").x - p("farShoulder").x), `${which} top arm vertical`).toBeLessThan(0.02);
    }
  });

  it("draws both arms in the near ink, so the supporting arm is not mistaken for a far limb", () => {
    for (const which of ["start", "end"] as const) {
      const upperArms = renderFigure(spec, { which }).primitives.filter(
        (p) => p.kind === "line" && p.strokeWidth === Math.round(body.width.upperArm * 100 * 100) / 100 && p.stroke !== palette.halo,
      );
      expect(upperArms.length, which).toBe(2);
      for (const p of upperArms) expect(p.kind === "line" && p.stroke, which).toBe(palette.ink);
    }
  });
});

// Knee toward the opposite shoulder, held with both hands: the picture must show the hands on the leg (far
// hand on the knee, near hand on the ankle, drawn over it) and the knee travelling toward the upper body.
describe("the piriformis-stretch figure shows the hands pulling the knee across", () => {
  const spec = getFigure("piriformis-stretch")!;
  const pic = pictureOf(spec);
  const at = (pose: Pose) => forwardKinematics(pose).points;

  it("draws the knee closer to the opposite shoulder at the end, moving toward the head in the picture", () => {
    const [start, end] = [at(spec.start), at(spec.end!)];
    expect(dist(end.nearKnee, end.farShoulder)).toBeLessThan(dist(start.nearKnee, start.farShoulder) - 0.04);
    const [s, e] = [pic(spec.start), pic(spec.end!)];
    const towardHead = Math.sign(s("head").x - s("pelvis").x);
    expect((e("nearKnee").x - s("nearKnee").x) * towardHead, "knee moves toward the head").toBeGreaterThan(0.03);
  });

  it("puts the far hand on the knee and the near hand on the ankle", () => {
    for (const [which, pose] of poses(spec)) {
      const p = pic(pose);
      const gap = (a: "farPalm" | "nearPalm", b: "nearKnee" | "nearAnkle") => Math.hypot(p(a).x - p(b).x, p(a).y - p(b).y);
      expect(gap("farPalm", "nearKnee"), `${which} far hand at the knee`).toBeLessThan(0.06);
      expect(gap("nearPalm", "nearAnkle"), `${which} near hand at the ankle`).toBeLessThan(0.04);
    }
  });

  it("draws both hands after (over) the bent leg", () => {
    const handWidth = Math.round(body.width.hand * 100 * 100) / 100;
    for (const which of ["start", "end"] as const) {
      const prims = renderFigure(spec, { which }).primitives;
      const legWidths = [body.width.thigh, body.width.shank].map((w) => Math.round(w * 100 * 100) / 100);
      const lastLeg = prims.findLastIndex((p) => p.kind === "line" && p.stroke === palette.accent && legWidths.includes(p.strokeWidth));
      const hands = prims.flatMap((p, i) => (p.kind === "line" && p.strokeWidth === handWidth && p.stroke !== palette.halo ? [i] : []));
      expect(lastLeg, which).toBeGreaterThan(0);
      expect(hands, which).toHaveLength(2);
      for (const i of hands) expect(i, `${which} hand drawn over the leg`).toBeGreaterThan(lastLeg);
    }
  });
});

// The catalogue's steps: hands flat under the shoulders, then straighten the arms to push the chest up
// with the pelvis on the floor. A picture whose hands slide along the mat would teach a different movement.
describe("the prone-press-up figure keeps the hands planted", () => {
  const spec = getFigure("prone-press-up")!;
  const az = cameraAzimuth(spec);
  const at = (pose: Pose) => forwardKinematics(pose).points;
  const start = at(spec.start);
  const end = at(spec.end!);

  it("starts with the palms flat on the mat under the shoulders", () => {
    for (const side of ["near", "far"] as const) {
      const palm = project(start[`${side}Palm`], az);
      const shoulder = project(start[`${side}Shoulder`], az);
      expect(Math.abs(palm.x - shoulder.x), `${side} palm under the shoulder`).toBeLessThan(0.04);
      expect(palm.y, `${side} palm on the mat`).toBeLessThan(0.05);
    }
  });

  it("leaves the hands where they were while the elbows straighten and the chest rises", () => {
    for (const side of ["near", "far"] as const) {
      for (const site of [`${side}Palm`, `${side}Wrist`] as const) {
        expect(dist(start[site], end[site]), `${site} stays put`).toBeLessThan(0.015);
      }
      expect(spec.end![side].elbow, `${side} elbow straighter at the top`).toBeLessThan(spec.start[side].elbow - 60);
    }
    expect(project(end.neck, az).y - project(start.neck, az).y, "chest up").toBeGreaterThan(0.15);
    expect(spec.end!.contacts.map((c) => c.site)).toEqual(expect.arrayContaining(["pelvis", "nearPalm", "farPalm"]));
    expect(dist(start.pelvis, end.pelvis), "pelvis stays down").toBeLessThan(0.01);
  });
});

// The knee angle a figure shows, measured from the joint positions forward kinematics places (0 = straight),
// not read from the pose's own number, so a solver that moved the joints is caught too.
function kneeAngle(pose: Pose, side: "near" | "far"): number {
  const p = forwardKinematics(pose).points;
  const thigh = sub(p[`${side}Hip`], p[`${side}Knee`]);
  const shank = sub(p[`${side}Ankle`], p[`${side}Knee`]);
  const cos = (thigh[0] * shank[0] + thigh[1] * shank[1] + thigh[2] * shank[2]) / (Math.hypot(...thigh) * Math.hypot(...shank));
  return 180 - (Math.acos(Math.max(-1, Math.min(1, cos))) * 180) / Math.PI;
}
// How far the knee angle can be off when the contacts that fix the leg are each off by the contact tolerance:
// the ankle moved across the shank plus the hip moved across the thigh.
const KNEE_TOLERANCE = ((Math.atan(CONTACT_TOLERANCE / segment.shank) + Math.atan(CONTACT_TOLERANCE / segment.thigh)) * 180) / Math.PI;
/** "Slightly bent": visibly not straight, and no more than the early kneecap range (about a quarter squat, 45°). */
const SLIGHTLY_BENT: [number, number] = [5, 45];

describe("figures agree with their exercise's words", () => {
  const cases: { slug: string; pose: "start" | "end" | "least bent"; legs: ("near" | "far")[]; words: RegExp; range: [number, number] }[] = [
    { slug: "leg-press", pose: "start", legs: ["near", "far"], words: /knees start only slightly bent/, range: SLIGHTLY_BENT },
    { slug: "inner-range-quads", pose: "start", legs: ["near"], words: /under one knee, so it is slightly bent/, range: SLIGHTLY_BENT },
    { slug: "inner-range-quads", pose: "end", legs: ["near"], words: /straighten your knee fully/, range: [0, 5] },
    { slug: "terminal-knee-extension-band", pose: "start", legs: ["near"], words: /that knee slightly bent/, range: SLIGHTLY_BENT },
    { slug: "wobble-board", pose: "start", legs: ["near", "far"], words: /knees slightly bent/, range: SLIGHTLY_BENT },
    { slug: "stationary-cycling", pose: "least bent", legs: ["near"], words: /knee is only slightly bent when the pedal is at its lowest/, range: SLIGHTLY_BENT },
  ];
  it.each(cases)("$slug $pose: the text says $words and the knee is within $range degrees", ({ slug, pose, legs, words, range }) => {
    const exercise = getBuiltInExercise(slug)!;
    expect(exercise.steps.join(" ")).toMatch(words);
    const spec = getFigure(slug)!;
    const all = poses(spec).map(([, p]) => p);
    for (const side of legs) {
      const angle =
        pose === "least bent" ? Math.min(...all.map((p) => kneeAngle(p, side))) : kneeAngle(pose === "start" ? spec.start : spec.end!, side);
      expect(angle, `${slug} ${pose} ${side} knee`).toBeGreaterThanOrEqual(range[0] - KNEE_TOLERANCE);
      expect(angle, `${slug} ${pose} ${side} knee`).toBeLessThanOrEqual(range[1] + KNEE_TOLERANCE);
    }
  });

  it("keeps the knees inside the default range limit of every exercise that has one", () => {
    const limited = figureEntries.filter((e) => getBuiltInExercise(e.slug)?.defaultDose.rangeLimit);
    expect(limited.map((e) => e.slug).sort()).toEqual(["leg-press", "mini-squat"]);
    for (const { slug, spec } of limited) {
      const m = /(\d+)–(\d+)°/.exec(getBuiltInExercise(slug)!.defaultDose.rangeLimit!);
      expect(m, slug).not.toBeNull();
      for (const [which, p] of poses(spec)) {
        for (const side of ["near", "far"] as const) {
          expect(kneeAngle(p, side), `${slug} ${which} ${side}`).toBeLessThanOrEqual(Number(m![2]) + KNEE_TOLERANCE);
        }
      }
    }
  });

  it("measures the angle it checks: a straight leg reads 0 and a bent pose reads its bend", () => {
    expect(kneeAngle(makePose(), "near")).toBeCloseTo(0, 6);
    expect(kneeAngle(makePose({ near: { knee: 60 } }), "near")).toBeCloseTo(60, 6);
    expect(KNEE_TOLERANCE).toBeGreaterThan(0.5);
    expect(KNEE_TOLERANCE).toBeLessThan(5);
  });
});

describe("the renderer", () => {
  const text = (spec: FigureSpec, which?: "start" | "end" | "both") =>
    renderFigure(spec, { which })
      .primitives.filter((p) => p.kind === "text")
      .map((p) => (p.kind === "text" ? p.text : ""));

  it("is deterministic, also after the spec has been through JSON", () => {
    for (const { spec } of figureEntries) {
      const once = renderFigure(spec);
      expect(renderFigure(spec)).toEqual(once);
      expect(renderFigure(JSON.parse(JSON.stringify(spec)) as FigureSpec)).toEqual(once);
    }
  });

  it("draws finite primitives inside its viewBox", () => {
    for (const { slug, spec } of figureEntries) {
      const d = renderFigure(spec, { width: 160 });
      const [, , w, h] = d.viewBox.split(" ").map(Number);
      expect(d.width, slug).toBe(160);
      expect(d.height, slug).toBeCloseTo((160 * h) / w, 1);
      for (const p of d.primitives) {
        const nums = Object.values(p).filter((v): v is number => typeof v === "number");
        expect(nums.every(Number.isFinite), slug).toBe(true);
        if (p.kind === "circle") {
          expect(p.cx, slug).toBeGreaterThanOrEqual(-1);
          expect(p.cx, slug).toBeLessThanOrEqual(w + 1);
        }
      }
    }
  });

  it("labels the two panels and marks holds", () => {
    expect(text(getFigure("sit-to-stand")!)).toEqual(["Start", "End"]);
    expect(text(getFigure("glute-bridge")!)).toEqual(["Start", "End", "Hold"]);
    expect(text(getFigure("prone-lying")!)).toEqual(["Hold"]);
    expect(text(getFigure("sit-to-stand")!, "start")).toEqual([]);
  });

  it("draws the arrow and the moving limb in the accent colour, and no arrow on the start alone", () => {
    const spec = getFigure("seated-knee-extension")!;
    const accentIn = (which: "start" | "end") =>
      renderFigure(spec, { which }).primitives.filter((p) => ("stroke" in p && p.stroke === palette.accent) || ("fill" in p && p.fill === palette.accent));
    const arrowParts = (which: "start" | "end") => accentIn(which).filter((p) => p.kind === "path" || p.kind === "polygon");
    expect(arrowParts("end").length).toBeGreaterThanOrEqual(2);
    expect(arrowParts("start").filter((p) => p.kind === "path")).toHaveLength(0);
    expect(accentIn("start").filter((p) => p.kind === "line").length).toBeGreaterThanOrEqual(2);
  });

  it("draws the same picture whatever the output size", () => {
    const spec = getFigure("bird-dog")!;
    const small = renderFigure(spec, { width: 160 });
    const large = renderFigure(spec, { width: 600 });
    expect(large.primitives).toEqual(small.primitives);
    expect(large.viewBox).toBe(small.viewBox);
  });

  it("keeps start and end in one frame, so the body does not jump between panels", () => {
    const spec = getFigure("sit-to-stand")!;
    expect(renderFigure(spec, { which: "start" }).viewBox).toBe(renderFigure(spec, { which: "end" }).viewBox);
  });
});
