// The safety section every plan carries: urgent red flags first and loudest, then same-day
// signs, the pain rule with its bands, and when to see a GP or physiotherapist.
import type { SafetyContent } from "@/lib/catalogue/safety";

const bandStyles = [
  "border-emerald-600 bg-emerald-50 text-emerald-950",
  "border-amber-500 bg-amber-50 text-amber-950",
  "border-red-600 bg-red-50 text-red-950",
];

export function PatientPageSafety({ safety }: { safety: SafetyContent }) {
  return (
    <section aria-labelledby="safety-heading" id="safety" className="scroll-mt-4 space-y-5">
      <h2 id="safety-heading" className="text-2xl font-bold text-slate-900">
        Staying safe
      </h2>

      <div className="rounded-2xl border-2 border-red-700 bg-red-50 p-4 text-red-950 sm:p-6 print:break-inside-avoid print:bg-white">
        <h3 className="flex items-center gap-2 text-xl font-bold">
          <svg aria-hidden="true" viewBox="0 0 24 24" className="h-6 w-6 shrink-0 fill-red-700">
            <path d="M12 2 1 21h22L12 2zm1 15h-2v-2h2v2zm0-4h-2V9h2v4z" />
          </svg>
          {safety.urgent.heading}
        </h3>
        <p className="mt-2">{safety.urgent.intro}</p>
        <ul className="mt-3 list-disc space-y-1.5 pl-6 font-medium">
          {safety.urgent.items.map((item, i) => (
            <li key={i}>{item}</li>
          ))}
        </ul>
      </div>

      <div className="rounded-2xl border border-amber-400 bg-amber-50 p-4 text-amber-950 sm:p-6 print:break-inside-avoid print:bg-white">
        <h3 className="text-xl font-bold">{safety.sameDay.heading}</h3>
        <p className="mt-2">{safety.sameDay.intro}</p>
        <ul className="mt-3 list-disc space-y-1.5 pl-6">
          {safety.sameDay.items.map((item, i) => (
            <li key={i}>{item}</li>
          ))}
        </ul>
      </div>

      <div className="rounded-2xl border border-slate-200 bg-white p-4 sm:p-6 print:break-inside-avoid">
        <h3 className="text-xl font-bold text-slate-900">{safety.painRule.heading}</h3>
        <p className="mt-2">{safety.painRule.intro}</p>
        <ul className="mt-3 space-y-2">
          {safety.painRule.bands.map((band, i) => (
            <li key={band.label} className={`rounded-lg border-l-4 px-3 py-2 ${bandStyles[Math.min(i, bandStyles.length - 1)]} print:bg-white`}>
              <span className="font-bold">
                {band.from}–{band.to} out of 10: {band.label}.
              </span>{" "}
              {band.advice}
            </li>
          ))}
        </ul>
        <ul className="mt-3 list-disc space-y-1.5 pl-6">
          {safety.painRule.notes.map((note, i) => (
            <li key={i}>{note}</li>
          ))}
        </ul>
      </div>

      <div className="rounded-2xl border border-slate-200 bg-white p-4 sm:p-6 print:break-inside-avoid">
        <h3 className="text-xl font-bold text-slate-900">{safety.seeClinician.heading}</h3>
        <p className="mt-2">{safety.seeClinician.intro}</p>
        <ul className="mt-3 list-disc space-y-1.5 pl-6">
          {safety.seeClinician.items.map((item, i) => (
            <li key={i}>{item}</li>
          ))}
        </ul>
      </div>
    </section>
  );
}
