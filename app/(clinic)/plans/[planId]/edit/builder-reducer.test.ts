import { describe, expect, test } from "vitest";
import type { Dose } from "@/lib/catalogue/dose";
import type { PlanExercise } from "@/lib/plans/exercises";
import { builderReducer, initialBuilderState, type BuilderAction, type BuilderState, type CautionContext } from "./builder-reducer";
import type { DraftState } from "./builder-types";

function exercise(name: string, overrides: Partial<PlanExercise> = {}): PlanExercise {
  const slug = name.toLowerCase().replaceAll(" ", "-");
  return {
    id: `id-${slug}`,
    slug,
    name,
    summary: `${name} summary`,
    figure: null,
    cautionFor: [],
    caution: null,
    defaultDose: { sets: 3, reps: 10, perDay: 1, daysPerWeek: 7 } as Dose,
    clinicOwn: false,
    archived: false,
    easier: [],
    harder: [],
    ...overrides,
  };
}

const none: CautionContext = { watched: new Set(), names: new Map() };
const draft: DraftState = { title: "Knee plan", conditions: [], notes: "", startDate: "2026-12-01", reviewDate: "2027-01-12", items: [] };
const start = () => initialBuilderState(draft, 3, "saved-json");
const run = (state: BuilderState, ...actions: BuilderAction[]) => actions.reduce(builderReducer, state);
const names = (state: BuilderState) => state.draft.items.map((item) => item.exercise.name);

const withThree = () =>
  run(
    start(),
    { type: "add", exercise: exercise("Sit to stand"), key: "a", cautions: none },
    { type: "add", exercise: exercise("Step ups"), key: "b", cautions: none },
    { type: "add", exercise: exercise("Calf raises"), key: "c", cautions: none },
  );

describe("builderReducer: the draft", () => {
  test("adds an exercise with its default dose and says where it went", () => {
    const state = withThree();
    expect(names(state)).toEqual(["Sit to stand", "Step ups", "Calf raises"]);
    expect(state.draft.items[0].dose).toMatchObject({ sets: "3", reps: "10" });
    expect(state.notice).toEqual({ text: "Calf raises added as exercise 3 of 3.", tone: "info", n: 3 });
  });

  test("an added exercise cautioned for a watched condition is announced as a caution, naming it", () => {
    const cautions: CautionContext = { watched: new Set(["knee-replacement"]), names: new Map([["knee-replacement", "Knee replacement"]]) };
    const squat = exercise("Deep squat", { cautionFor: ["knee-replacement"], caution: "Keep within 90°." });
    const state = run(start(), { type: "add", exercise: squat, key: "s", cautions });
    expect(state.notice.tone).toBe("caution");
    expect(state.notice.text).toBe("Deep squat added as exercise 1 of 1. Caution: Deep squat is cautioned for knee replacement: Keep within 90°.");
  });

  test("moves, refusing moves off either end", () => {
    const state = run(withThree(), { type: "move", from: 2, to: 0 });
    expect(names(state)).toEqual(["Calf raises", "Sit to stand", "Step ups"]);
    expect(state.notice.text).toBe("Calf raises moved to position 1 of 3.");
    expect(run(state, { type: "move", from: 0, to: -1 })).toBe(state);
    expect(run(state, { type: "move", from: 2, to: 3 })).toBe(state);
    expect(run(state, { type: "move", from: 1, to: 1 })).toBe(state);
  });

  test("removes and duplicates, with a separate copy of the dose", () => {
    const removed = run(withThree(), { type: "remove", index: 1 });
    expect(names(removed)).toEqual(["Sit to stand", "Calf raises"]);
    expect(removed.notice.text).toBe("Step ups removed. 2 exercises left.");
    const duplicated = run(removed, { type: "duplicate", index: 0, key: "a2" }, { type: "set-dose", key: "a2", field: "reps", value: "6" });
    expect(names(duplicated)).toEqual(["Sit to stand", "Sit to stand", "Calf raises"]);
    expect(duplicated.draft.items.map((item) => item.dose.reps)).toEqual(["10", "6", "10"]);
  });

  test("swaps an exercise for its variant in place with the dose given, and names the new dose", () => {
    const variant = exercise("Box squat");
    const state = run(withThree(), { type: "swap", key: "b", direction: "harder", variant, dose: { sets: 2, reps: 8, perDay: 1, daysPerWeek: 3 } as Dose, cautions: none });
    expect(names(state)).toEqual(["Sit to stand", "Box squat", "Calf raises"]);
    expect(state.draft.items[1]).toMatchObject({ key: "b", dose: { sets: "2", reps: "8" } });
    expect(state.notice.text).toMatch(/^Step ups swapped for the harder Box squat as exercise 2: /);
    const failed = run(state, { type: "swap-failed", key: "b", reason: ": That exercise is no longer in the catalogue." });
    expect(failed.draft).toBe(state.draft);
    expect(failed.notice).toMatchObject({ text: "Box squat was not changed: That exercise is no longer in the catalogue.", tone: "caution" });
  });

  test("text fields and conditions", () => {
    const state = run(start(), { type: "set-field", field: "title", value: "Left knee" }, { type: "toggle-condition", condition: "knee-oa" }, { type: "toggle-condition", condition: "acl" });
    expect(state.draft).toMatchObject({ title: "Left knee", conditions: ["knee-oa", "acl"] });
    expect(run(state, { type: "toggle-condition", condition: "knee-oa" }).draft.conditions).toEqual(["acl"]);
  });
});

describe("builderReducer: saving", () => {
  test("a save moves the revision and what counts as saved", () => {
    const state = run(withThree(), { type: "save-started" }, { type: "saved", revision: 4, savedText: "new-json" });
    expect(state).toMatchObject({ revision: 4, savedText: "new-json", save: { kind: "saved" } });
  });

  test("a conflict keeps the revision and says so; an edit does not clear it", () => {
    const state = run(withThree(), { type: "save-refused", code: "conflict", message: "Changed elsewhere." });
    expect(state.save).toEqual({ kind: "conflict", message: "Changed elsewhere." });
    expect(state.revision).toBe(3);
    expect(run(state, { type: "set-note", key: "a", value: "x" }).save.kind).toBe("conflict");
  });

  test("invalid fields are marked until the next edit, which also clears the failure", () => {
    const refused = run(withThree(), { type: "save-refused", code: "invalid", message: "Please correct the highlighted fields.", fieldErrors: { "items.0.dose.reps": ["Too many"] } });
    expect(refused).toMatchObject({ showAllErrors: true, serverErrors: { "items.0.dose.reps": ["Too many"] } });
    expect(refused.save).toEqual({ kind: "failed", message: "Not saved: Please correct the highlighted fields. Your edits are still here." });
    const edited = run(refused, { type: "set-dose", key: "a", field: "reps", value: "12" });
    expect(edited.serverErrors).toEqual({});
    expect(edited.save).toEqual({ kind: "idle" });
  });

  test("what the person reads when the save was not answered, or blocked by the page's own checks", () => {
    expect(run(start(), { type: "save-unanswered", reason: "You are offline. Reconnect, then try again." }).save).toEqual({
      kind: "failed",
      message: "Not saved. You are offline. Reconnect, then try again. Your edits are still here.",
    });
    expect(run(start(), { type: "save-blocked" })).toMatchObject({ showAllErrors: true, save: { kind: "failed" } });
  });
});
