// "Too easy? / Too hard?": the catalogue's variants by name, never one cautioned for the patient,
// a dose wording without one, and the line frozen into the issued snapshot only when allowed.
import { describe, expect, it } from "vitest";
import { fixtureSnapshot } from "@/lib/handout/fixture";
import { progressionOf } from "./progression";
import { planSnapshotSchema, summariseChanges } from "./snapshot";

const none = new Set<string>();

describe("the “Too easy? / Too hard?” line", () => {
  it("names the catalogue's next harder and easier variants", () => {
    expect(progressionOf({ slug: "glute-bridge", dose: { sets: 3, reps: 10 }, cautionFor: [], conditions: none })).toEqual({
      tooEasy: "Try: Single-leg bridge.",
      tooHard: "Do fewer repetitions, or make the movement smaller.",
    });
    expect(progressionOf({ slug: "prone-on-elbows", dose: { sets: 5, holdSeconds: 20 }, cautionFor: [], conditions: none })).toEqual({
      tooEasy: "Try: Prone press-up.",
      tooHard: "Try: Prone lying.",
    });
  });

  it("never names a variant cautioned for the patient's conditions, and never progresses an exercise that is itself a caution", () => {
    // The prone press-up is cautioned for stenosis: a stenosis patient is not sent to it.
    expect(progressionOf({ slug: "prone-on-elbows", dose: { sets: 5, holdSeconds: 20 }, cautionFor: ["stenosis"], conditions: new Set(["stenosis"]) }).tooEasy).toBe(
      "Ask your physiotherapist before doing more.",
    );
    const pressUp = progressionOf({ slug: "standing-back-extension", dose: { reps: 10 }, cautionFor: [], conditions: new Set(["stenosis"]) });
    expect(pressUp.tooEasy).toBe("Add 2 repetitions to each set.");
    expect(pressUp.tooEasy).not.toContain("press-up");
  });

  it("says how to change the dose when there is no variant (a clinic's own exercise, or the end of a ladder)", () => {
    expect(progressionOf({ slug: null, dose: { sets: 3, reps: 10 }, cautionFor: [], conditions: none })).toEqual({
      tooEasy: "Add 2 repetitions to each set.",
      tooHard: "Do fewer repetitions, or make the movement smaller.",
    });
    expect(progressionOf({ slug: "calf-stretch-wall", dose: { sets: 3, holdSeconds: 30 }, cautionFor: [], conditions: none })).toEqual({
      tooEasy: "Hold 5 seconds longer.",
      tooHard: "Hold for a shorter time, or ease the stretch.",
    });
    expect(progressionOf({ slug: "walking-programme", dose: { durationMinutes: 20 }, cautionFor: [], conditions: none })).toEqual({
      tooEasy: "Add 5 minutes.",
      tooHard: "Do fewer minutes, with rests.",
    });
  });

  it("is kept in the snapshot, optional for versions issued before it, and counted as a change", () => {
    const before = fixtureSnapshot();
    expect(planSnapshotSchema.parse(before).items[0].progression).toBeUndefined();
    const items = before.items.map((item, i) => (i === 0 ? { ...item, progression: { tooEasy: "Try: Straight leg raise.", tooHard: "Hold for a shorter time." } } : item));
    const after = planSnapshotSchema.parse({ ...before, version: 2, items });
    expect(after.items[0].progression).toEqual({ tooEasy: "Try: Straight leg raise.", tooHard: "Hold for a shorter time." });
    expect(summariseChanges(before, after).changed).toEqual([`${items[0].name}: “Too easy? / Too hard?” added`]);
  });
});
