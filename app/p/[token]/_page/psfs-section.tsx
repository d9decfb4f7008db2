// "Your activities": the Patient-Specific Functional Scale on the patient page, shown first while
// the clinician's request is open. A plain form post (no JavaScript): the activities already named,
// each with a 0–10 choice, or, at the first score, up to five rows to name and score them.
import "server-only";
import { activityNameMaxLength, psfsPositions, type NamedActivity } from "@/lib/outcomes/psfs-form";

export const psfsOutcomes = {
  saved: { ok: true, message: "Thank you — your activity scores are saved. Your physiotherapist will see them." },
  duplicate: { ok: true, message: "Your activity scores were already saved — thank you." },
  invalid: { ok: false, message: "Please score each activity from 0 to 10, and name each activity you score." },
  "not-requested": { ok: false, message: "Your physiotherapist is not asking for activity scores just now, so nothing was saved." },
} as const;
export type PsfsOutcome = keyof typeof psfsOutcomes;

export function isPsfsOutcome(value: unknown): value is PsfsOutcome {
  return typeof value === "string" && Object.hasOwn(psfsOutcomes, value);
}

/** What the section shows: the open request (if any), the answer to the last post, and what was typed when it was refused. */
export type PsfsFormState = {
  request: { activities: NamedActivity[] } | null;
  outcome: PsfsOutcome | null;
  fieldErrors?: Record<string, string[] | undefined>;
  values?: Record<string, string>;
};

const scoreWords: Record<number, string> = { 0: "unable to do it", 10: "as well as before the problem" };

function ScoreChoices({ position, required, chosen }: { position: number; required: boolean; chosen: string | undefined }) {
  return (
    <>
      <div className="mt-3 grid grid-cols-6 gap-2 sm:grid-cols-11">
        {Array.from({ length: 11 }, (_, score) => (
          <label
            key={score}
            className="scale-choice"
          >
            <input type="radio" name={`score${position}`} value={score} className="sr-only" required={required} defaultChecked={chosen === String(score)} />
            <span>{score}</span>
            {scoreWords[score] ? <span className="sr-only"> — {scoreWords[score]}</span> : null}
          </label>
        ))}
      </div>
      <div aria-hidden="true" className="mt-1 flex justify-between text-sm text-slate-600">
        <span>0 — unable</span>
        <span>10 — as before</span>
      </div>
    </>
  );
}

function ErrorLine({ id, message }: { id: string; message: string | undefined }) {
  return message ? (
    <p id={id} className="mt-2 font-semibold text-red-800">
      {message}
    </p>
  ) : null;
}

/** One named activity: its name is the question. */
function NamedRow({ activity, number, state }: { activity: NamedActivity; number: number; state: PsfsFormState }) {
  const error = state.fieldErrors?.[`score${activity.position}`]?.[0];
  const errorId = `activity-${activity.position}-error`;
  return (
    <fieldset className="rounded-xl border border-slate-200 p-3" aria-describedby={error ? `${errorId} activities-hint` : "activities-hint"}>
      <legend className="px-1 text-lg font-semibold text-slate-900">
        {number}. {activity.name}
      </legend>
      <ScoreChoices position={activity.position} required chosen={state.values?.[`score${activity.position}`]} />
      <ErrorLine id={errorId} message={error} />
    </fieldset>
  );
}

/** A row the patient names, at the first score: the first is needed, the rest optional. */
function FreeRow({ position, state }: { position: number; state: PsfsFormState }) {
  const nameError = state.fieldErrors?.[`name${position}`]?.[0];
  const scoreError = state.fieldErrors?.[`score${position}`]?.[0];
  const nameId = `activity-name-${position}`;
  return (
    <fieldset className="rounded-xl border border-slate-200 p-3" aria-describedby={scoreError ? `activity-score-${position}-error activities-hint` : "activities-hint"}>
      <legend className="px-1 text-lg font-semibold text-slate-900">
        Activity {position + 1}
        {position === 0 ? null : <span className="font-normal text-slate-600"> (optional)</span>}
      </legend>
      <label htmlFor={nameId} className="block font-medium text-slate-800">
        What is the activity?
      </label>
      <input
        id={nameId}
        name={`name${position}`}
        type="text"
        maxLength={activityNameMaxLength}
        defaultValue={state.values?.[`name${position}`] ?? ""}
        required={position === 0}
        autoComplete="off"
        className="mt-1 block w-full rounded-xl border border-slate-400 bg-white px-3 py-2 text-lg"
        aria-invalid={nameError ? true : undefined}
        aria-describedby={nameError ? `${nameId}-error` : undefined}
      />
      <ErrorLine id={`${nameId}-error`} message={nameError} />
      <p className="mt-3 font-medium text-slate-800">How well can you do it now?</p>
      <ScoreChoices position={position} required={position === 0} chosen={state.values?.[`score${position}`]} />
      <ErrorLine id={`activity-score-${position}-error`} message={scoreError} />
    </fieldset>
  );
}

/** The section, or nothing when there is nothing to ask or say. */
export function PsfsSection({ token, clientKey, state }: { token: string; clientKey: string; state: PsfsFormState }) {
  const result = state.outcome ? psfsOutcomes[state.outcome] : null;
  if (!state.request && !result) return null;
  const status = result ? (
    <p
      role={result.ok ? "status" : "alert"}
      className={`rounded-xl border-2 px-4 py-3 font-semibold ${result.ok ? "border-emerald-700 bg-emerald-50 text-emerald-900" : "border-red-700 bg-red-50 text-red-900"}`}
    >
      {result.ok ? <span aria-hidden="true">✓ </span> : null}
      {result.message}
    </p>
  ) : null;
  if (!state.request) {
    return (
      <section aria-label="Your activity scores" id="activities" className="scroll-mt-14 print:hidden">
        {status}
      </section>
    );
  }
  const activities = [...state.request.activities].sort((a, b) => a.position - b.position);
  const first = activities.length === 0;
  return (
    <section aria-labelledby="activities-heading" id="activities" className="scroll-mt-14 space-y-5 rounded-2xl border-2 border-brand-700 bg-white p-4 sm:p-6 print:hidden">
      <div>
        <h2 id="activities-heading" className="text-2xl font-bold text-slate-900">
          Your activities
        </h2>
        <p className="mt-1 text-slate-700">
          Your physiotherapist asks how well you can do everyday activities that are hard because of your problem. It takes a minute.
        </p>
      </div>
      <form action={`/p/${token}/activities`} method="post" className="space-y-5" aria-describedby={status ? "activities-status" : undefined}>
        <input type="hidden" name="clientKey" value={clientKey} />
        <div id="activities-status">{status}</div>
        {first ? (
          <p className="text-slate-800">
            Name up to five activities you find hard or cannot do because of the problem — for example “climbing stairs”, “sitting for an hour” or “lifting my
            grandchild” — and score each one.
          </p>
        ) : null}
        <p id="activities-hint" className="text-slate-700">
          <span className="font-semibold">0</span> means you are unable to do it; <span className="font-semibold">10</span> means you can do it as well as before the
          problem.
        </p>
        <div className="space-y-4">
          {first
            ? psfsPositions.map((position) => <FreeRow key={position} position={position} state={state} />)
            : activities.map((activity, i) => <NamedRow key={activity.position} activity={activity} number={i + 1} state={state} />)}
        </div>
        <button type="submit" className="w-full rounded-xl bg-brand-700 px-5 py-4 text-lg font-bold text-white hover:bg-brand-800 sm:w-auto">
          Save my scores
        </button>
      </form>
    </section>
  );
}
