// The plan builder's state as a pure reducer: every change to the draft, the save's progress and the
// line read out to screen-reader users. No React and no server calls here (see use-save-plan.ts and
// use-reorder.ts), so each step is unit-tested on its own (builder-reducer.test.ts).
import { formatDose } from "@/lib/catalogue/dose";
import type { Dose } from "@/lib/catalogue/dose";
import { doseFieldsOf, type DoseField } from "@/lib/plans/draft";
import type { PlanExercise } from "@/lib/plans/exercises";
import type { ErrorCode } from "@/lib/errors";
import { cautionsOf, type DraftState, type FieldErrors, type ItemState } from "./builder-types";

export type Notice = { text: string; tone: "info" | "caution"; n: number };

export type SaveState =
  | { kind: "idle" }
  | { kind: "saving" }
  | { kind: "saved" }
  | { kind: "failed"; message: string }
  | { kind: "conflict"; message: string };

export interface BuilderState {
  draft: DraftState;
  /** the plan's revision the next save is based on */
  revision: number;
  /** the draft as last saved (JSON of its input), to tell unsaved changes */
  savedText: string;
  save: SaveState;
  /** the server's word on fields, until the next edit */
  serverErrors: FieldErrors;
  /** after a refused save every field's error shows, not only those of fields touched */
  showAllErrors: boolean;
  notice: Notice;
}

/** What the announcements need to name cautions: the conditions watched and their names. */
export interface CautionContext {
  watched: ReadonlySet<string>;
  names: ReadonlyMap<string, string>;
}

type TextField = "title" | "startDate" | "reviewDate" | "notes";

export type BuilderAction =
  | { type: "set-field"; field: TextField; value: string }
  | { type: "toggle-condition"; condition: string }
  | { type: "set-dose"; key: string; field: DoseField; value: string }
  | { type: "set-note"; key: string; value: string }
  | { type: "set-show-variants"; key: string; value: boolean }
  | { type: "add"; exercise: PlanExercise; key: string; cautions: CautionContext }
  | { type: "move"; from: number; to: number }
  | { type: "remove"; index: number }
  | { type: "duplicate"; index: number; key: string }
  | { type: "swap"; key: string; direction: "easier" | "harder"; variant: PlanExercise; dose: Dose; cautions: CautionContext }
  | { type: "swap-failed"; key: string; reason: string }
  | { type: "save-blocked" }
  | { type: "save-started" }
  | { type: "saved"; revision: number; savedText: string }
  | { type: "save-refused"; code: ErrorCode; message: string; fieldErrors?: FieldErrors }
  | { type: "save-unanswered"; reason: string };

export function initialBuilderState(draft: DraftState, revision: number, savedText: string): BuilderState {
  return { draft, revision, savedText, save: { kind: "idle" }, serverErrors: {}, showAllErrors: false, notice: { text: "", tone: "info", n: 0 } };
}

function announce(state: BuilderState, text: string, tone: Notice["tone"] = "info"): BuilderState {
  return { ...state, notice: { text, tone, n: state.notice.n + 1 } };
}

/** A change to the draft: the server's old field errors go, and a finished save's message with them. */
function edited(state: BuilderState, draft: DraftState): BuilderState {
  const save = state.save.kind === "failed" || state.save.kind === "saved" ? { kind: "idle" as const } : state.save;
  return { ...state, draft, serverErrors: {}, save };
}

function withItems(state: BuilderState, items: ItemState[]): BuilderState {
  return edited(state, { ...state.draft, items });
}

/** " Caution: X is cautioned for knee replacement: …" when the patient's conditions call for it. */
function cautionSentence(exercise: PlanExercise, { watched, names }: CautionContext): string {
  const cautions = cautionsOf(exercise, watched);
  if (cautions.length === 0) return "";
  const named = cautions.map((slug) => (names.get(slug) ?? slug).toLowerCase()).join(" and ");
  return ` Caution: ${exercise.name} is cautioned for ${named}${exercise.caution ? `: ${exercise.caution}` : "."}`;
}

const exercises = (n: number) => `${n} ${n === 1 ? "exercise" : "exercises"}`;

export function builderReducer(state: BuilderState, action: BuilderAction): BuilderState {
  const { items } = state.draft;
  switch (action.type) {
    case "set-field":
      return edited(state, { ...state.draft, [action.field]: action.value });
    case "toggle-condition": {
      const { conditions } = state.draft;
      const next = conditions.includes(action.condition) ? conditions.filter((c) => c !== action.condition) : [...conditions, action.condition];
      return edited(state, { ...state.draft, conditions: next });
    }
    case "set-dose":
      return withItems(state, items.map((item) => (item.key === action.key ? { ...item, dose: { ...item.dose, [action.field]: action.value } } : item)));
    case "set-note":
      return withItems(state, items.map((item) => (item.key === action.key ? { ...item, note: action.value } : item)));
    case "set-show-variants":
      return withItems(state, items.map((item) => (item.key === action.key ? { ...item, showVariants: action.value } : item)));
    case "add": {
      const { exercise } = action;
      const count = items.length + 1;
      const next = withItems(state, [...items, { key: action.key, exercise, dose: doseFieldsOf(exercise.defaultDose), note: "", showVariants: false }]);
      const caution = cautionSentence(exercise, action.cautions);
      return announce(next, `${exercise.name} added as exercise ${count} of ${count}.${caution}`, caution ? "caution" : "info");
    }
    case "move": {
      const { from, to } = action;
      if (to < 0 || to >= items.length || from < 0 || from >= items.length || from === to) return state;
      const reordered = [...items];
      const [moved] = reordered.splice(from, 1);
      reordered.splice(to, 0, moved);
      return announce(withItems(state, reordered), `${moved.exercise.name} moved to position ${to + 1} of ${items.length}.`);
    }
    case "remove": {
      const item = items[action.index];
      if (!item) return state;
      const next = withItems(state, items.filter((_, i) => i !== action.index));
      return announce(next, `${item.exercise.name} removed. ${exercises(items.length - 1)} left.`);
    }
    case "duplicate": {
      const item = items[action.index];
      if (!item) return state;
      const copied = [...items];
      copied.splice(action.index + 1, 0, { ...item, key: action.key, dose: { ...item.dose } });
      return announce(
        withItems(state, copied),
        `${item.exercise.name} duplicated as exercise ${action.index + 2} of ${items.length + 1}. Set each side's dose separately if you need to.`,
      );
    }
    case "swap": {
      const index = items.findIndex((item) => item.key === action.key);
      if (index < 0) return state;
      const item = items[index];
      const { variant, dose } = action;
      const next = withItems(state, items.map((it) => (it.key === action.key ? { ...it, exercise: variant, dose: doseFieldsOf(dose) } : it)));
      const caution = cautionSentence(variant, action.cautions);
      const done = `${item.exercise.name} swapped for the ${action.direction} ${variant.name} as exercise ${index + 1}: ${formatDose(dose)}.`;
      return announce(next, `${done}${caution}`, caution ? "caution" : "info");
    }
    case "swap-failed": {
      const item = items.find((it) => it.key === action.key);
      return item ? announce(state, `${item.exercise.name} was not changed${action.reason}`, "caution") : state;
    }
    case "save-blocked":
      return { ...state, showAllErrors: true, save: { kind: "failed", message: "Not saved: please correct the highlighted fields. Your edits are still here." } };
    case "save-started":
      return { ...state, save: { kind: "saving" } };
    case "saved":
      return { ...state, revision: action.revision, savedText: action.savedText, save: { kind: "saved" } };
    case "save-refused":
      if (action.code === "conflict") return { ...state, save: { kind: "conflict", message: action.message } };
      // Invalid fields are marked; otherwise the message says what happened (signed out, plan gone,
      // database not answering).
      return {
        ...state,
        serverErrors: action.fieldErrors ?? {},
        showAllErrors: true,
        save: { kind: "failed", message: `Not saved: ${action.message} Your edits are still here.` },
      };
    case "save-unanswered":
      return { ...state, save: { kind: "failed", message: `Not saved. ${action.reason} Your edits are still here.` } };
  }
}
