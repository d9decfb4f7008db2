import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { educationFor } from "@/lib/catalogue/conditions";
import { formatDose, type Dose } from "@/lib/catalogue/dose";
import { safetyContent } from "@/lib/catalogue/safety";
import { planSnapshotSchema, summariseChanges, type PlanSnapshot, type SnapshotItem } from "./snapshot";

const ids = {
  bridge: "00000000-0000-4000-8000-000000000101",
  clam: "00000000-0000-4000-8000-000000000102",
  squat: "00000000-0000-4000-8000-000000000103",
  calf: "00000000-0000-4000-8000-000000000104",
};

function item(exerciseId: string, name: string, position: number, dose: Dose, note: string | null = null): SnapshotItem {
  return {
    position,
    exerciseId,
    slug: null,
    name,
    summary: "",
    steps: ["Do it slowly."],
    cues: [],
    caution: null,
    figure: null,
    dose,
    doseLine: formatDose(dose),
    note,
  };
}

function snapshot(version: number, items: SnapshotItem[]): PlanSnapshot {
  const education = educationFor(["knee-oa"]);
  return {
    schemaVersion: 1,
    planId: "00000000-0000-4000-8000-000000000001",
    version,
    issuedAt: "2026-03-03T10:15:00.000Z",
    title: "Knee plan",
    notes: null,
    startDate: "2026-03-04",
    reviewDate: null,
    patient: { displayName: "Zoë Łukasiewicz-Núñez" },
    clinician: { name: "Priya Shah" },
    clinic: {
      name: "Riverside Physiotherapy",
      phone: null,
      email: null,
      address: null,
      website: null,
      accentColour: "#1a6e8e",
      logo: null,
    },
    conditions: education.conditions,
    generalEducation: education.general,
    safety: safetyContent,
    items,
    changes: null,
  };
}

const bridge = (position: number, dose: Dose = { sets: 3, reps: 10 }, note: string | null = null) =>
  item(ids.bridge, "Glute bridge", position, dose, note);
const clam = (position: number) => item(ids.clam, "Clamshell", position, { sets: 3, reps: 12, side: "each" });
const squat = (position: number) => item(ids.squat, "Mini squat with support", position, { sets: 3, reps: 10 });
const calf = (position: number) => item(ids.calf, "Calf raise", position, { sets: 3, reps: 15 });

describe("planSnapshotSchema", () => {
  test("accepts a complete snapshot and round-trips it through JSON unchanged", () => {
    const value = snapshot(1, [bridge(0), clam(1)]);
    const parsed = planSnapshotSchema.parse(JSON.parse(JSON.stringify(value)));
    expect(parsed).toEqual(value);
  });

  test("refuses what must never reach a handout", () => {
    const good = snapshot(1, [bridge(0)]);
    const bad: [string, unknown][] = [
      ["no exercises", { ...good, items: [] }],
      ["version 0", { ...good, version: 0 }],
      ["a remote logo", { ...good, clinic: { ...good.clinic, logo: { mimeType: "image/png", base64: "https://x.example/l.png" } } }],
      ["a logo that is not the image it claims", { ...good, clinic: { ...good.clinic, logo: { mimeType: "image/png", base64: Buffer.from("GIF89a....").toString("base64") } } }],
      ["an SVG logo", { ...good, clinic: { ...good.clinic, logo: { mimeType: "image/svg+xml", base64: "PHN2Zz4=" } } }],
      ["an accent colour that is not #rrggbb", { ...good, clinic: { ...good.clinic, accentColour: "red" } }],
      ["a start date that is not YYYY-MM-DD", { ...good, startDate: "04/03/2026" }],
      ["an issue time that is not ISO", { ...good, issuedAt: "yesterday" }],
      ["an exercise id that is not a uuid", { ...good, items: [{ ...good.items[0], exerciseId: "42" }] }],
      ["a dose without reps, hold or duration", { ...good, items: [{ ...good.items[0], dose: { sets: 3 } }] }],
      ["another schema version", { ...good, schemaVersion: 2 }],
    ];
    for (const [what, value] of bad) expect(planSnapshotSchema.safeParse(value).success, what).toBe(false);
  });

  test("accepts a real PNG logo", () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]).toString("base64");
    const good = snapshot(1, [bridge(0)]);
    const withLogo = { ...good, clinic: { ...good.clinic, logo: { mimeType: "image/png" as const, base64: png } } };
    expect(planSnapshotSchema.safeParse(withLogo).success).toBe(true);
  });
});

describe("summariseChanges", () => {
  test("lists exercises added and removed by name", () => {
    const previous = snapshot(1, [bridge(0), clam(1), squat(2)]);
    const next = snapshot(2, [bridge(0), squat(1), calf(2)]);
    expect(summariseChanges(previous, next)).toEqual({
      previousVersion: 1,
      added: ["Calf raise"],
      removed: ["Clamshell"],
      changed: [],
    });
  });

  test("says when a dose or a note changed", () => {
    const previous = snapshot(3, [bridge(0), clam(1)]);
    const next = snapshot(4, [bridge(0, { sets: 3, reps: 12 }, "Squeeze at the top"), clam(1)]);
    expect(summariseChanges(previous, next)).toEqual({
      previousVersion: 3,
      added: [],
      removed: [],
      changed: ["Glute bridge: dose changed, note changed"],
    });
  });

  test("an unchanged plan gives empty lists, whatever order the dose fields were written in", () => {
    const previous = snapshot(1, [bridge(0, { sets: 3, reps: 10, side: "each" }, "Slowly"), clam(1)]);
    const next = snapshot(2, [bridge(0, { side: "each", reps: 10, sets: 3 }, " Slowly "), clam(1)]);
    expect(summariseChanges(previous, next)).toEqual({ previousVersion: 1, added: [], removed: [], changed: [] });
  });

  test("reports a swap as one exercise moved, not every exercise after it", () => {
    const previous = snapshot(1, [bridge(0), clam(1), squat(2), calf(3)]);
    const next = snapshot(2, [bridge(0), squat(1), clam(2), calf(3)]);
    const changes = summariseChanges(previous, next);
    expect(changes.changed).toHaveLength(1);
    expect(changes.changed[0]).toMatch(/^(Clamshell|Mini squat with support): moved$/);
  });

  test("a removal above does not make the rest count as moved", () => {
    const previous = snapshot(1, [bridge(0), clam(1), squat(2), calf(3)]);
    const next = snapshot(2, [clam(0), squat(1), calf(2)]);
    expect(summariseChanges(previous, next)).toEqual({ previousVersion: 1, added: [], removed: ["Glute bridge"], changed: [] });
  });

  test("the same exercise twice is matched by occurrence", () => {
    const previous = snapshot(1, [bridge(0), clam(1), bridge(2, { sets: 2, reps: 8 })]);
    const next = snapshot(2, [bridge(0), clam(1), bridge(2, { sets: 2, reps: 10 }), bridge(3)]);
    expect(summariseChanges(previous, next)).toEqual({
      previousVersion: 1,
      added: ["Glute bridge"],
      removed: [],
      changed: ["Glute bridge: dose changed"],
    });
  });

  test("property: a plan compared with itself has no changes; added and removed mirror each other", () => {
    const pool = [bridge, clam, squat, calf];
    const plan = fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 1, maxLength: 8 }).map((picks) =>
      picks.map((pick, position) => pool[pick](position)),
    );
    fc.assert(
      fc.property(plan, plan, (a, b) => {
        const first = snapshot(1, a);
        const second = snapshot(2, b);
        expect(summariseChanges(first, snapshot(2, a))).toEqual({ previousVersion: 1, added: [], removed: [], changed: [] });
        const forward = summariseChanges(first, second);
        const backward = summariseChanges(second, first);
        expect([...forward.added].sort()).toEqual([...backward.removed].sort());
        expect([...forward.removed].sort()).toEqual([...backward.added].sort());
        expect(a.length + forward.added.length - forward.removed.length).toBe(b.length);
      }),
    );
  });
});
