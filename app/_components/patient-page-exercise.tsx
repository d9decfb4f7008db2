// One exercise as the patient reads it on their phone: the figure (start and end), the dose, the
// numbered steps, tips, the caution and the clinician's note. Server component, no client code.
import { FigureSvg } from "@/lib/figures/svg";
import type { SnapshotItem } from "@/lib/plans/snapshot";

export function PatientPageExercise({ item, number }: { item: SnapshotItem; number: number }) {
  const headingId = `exercise-${number}`;
  return (
    <article
      aria-labelledby={headingId}
      className="rounded-2xl border border-slate-200 bg-white p-4 shadow-sm sm:p-6 print:break-inside-avoid print:rounded-none print:border-0 print:border-t print:px-0 print:shadow-none"
    >
      <h3 id={headingId} className="flex items-baseline gap-3 text-xl font-semibold leading-snug text-slate-900 sm:text-2xl">
        <span aria-hidden="true" className="inline-flex h-9 w-9 shrink-0 items-center justify-center rounded-full bg-brand-700 text-lg font-bold text-white print:border print:border-slate-900 print:bg-white print:text-slate-900">
          {number}
        </span>
        <span>
          <span className="sr-only">Exercise {number}: </span>
          {item.name}
        </span>
      </h3>
      <p className="mt-3 rounded-lg bg-brand-50 px-3 py-2 font-semibold text-brand-900 print:bg-white print:px-0">
        <span className="sr-only">How much: </span>
        {item.doseLine}
      </p>
      {item.figure ? (
        <figure className="mx-auto mt-4 max-w-xl print:max-w-md">
          <FigureSvg spec={item.figure} which="both" title={`${item.name}: start and end positions`} className="h-auto w-full" />
        </figure>
      ) : null}
      {item.summary ? <p className="mt-4 text-slate-700">{item.summary}</p> : null}
      {item.steps.length > 0 ? (
        <>
          <h4 className="mt-4 font-semibold text-slate-900">How to do it</h4>
          <ol className="mt-2 space-y-2">
            {item.steps.map((step, i) => (
              <li key={i} className="flex gap-3">
                <span aria-hidden="true" className="mt-0.5 inline-flex h-7 w-7 shrink-0 items-center justify-center rounded-full border-2 border-brand-700 text-base font-bold text-brand-800">
                  {i + 1}
                </span>
                <span>{step}</span>
              </li>
            ))}
          </ol>
        </>
      ) : null}
      {item.cues.length > 0 ? (
        <div className="mt-4">
          <h4 className="font-semibold text-slate-900">{item.cues.length === 1 ? "Tip" : "Tips"}</h4>
          <ul className="mt-1 list-disc space-y-1 pl-6">
            {item.cues.map((cue, i) => (
              <li key={i}>{cue}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {item.caution ? (
        <div className="mt-4 rounded-lg border-l-4 border-amber-500 bg-amber-50 px-3 py-2 text-amber-950 print:bg-white">
          <h4 className="font-semibold">Take care</h4>
          <p>{item.caution}</p>
        </div>
      ) : null}
      {item.note ? (
        <div className="mt-4 rounded-lg border-l-4 border-brand-700 bg-brand-50 px-3 py-2 text-brand-900 print:bg-white">
          <h4 className="font-semibold">Note from your physiotherapist</h4>
          <p className="whitespace-pre-line">{item.note}</p>
        </div>
      ) : null}
    </article>
  );
}
