// Education for the plan's conditions and the general back and knee advice, each section folded
// in a <details> so the page stays short on a phone; printed, every section opens.
import type { Condition, EducationSection } from "@/lib/catalogue/conditions";

function Section({ section }: { section: EducationSection }) {
  return (
    <details className="group rounded-xl border border-slate-200 bg-white print:break-inside-avoid print:border-0 print:[&::details-content]:[content-visibility:visible] print:[&::details-content]:block">
      <summary className="flex cursor-pointer list-none items-center justify-between gap-3 rounded-xl px-4 py-3 font-semibold text-slate-900 hover:bg-slate-50 print:px-0 [&::-webkit-details-marker]:hidden">
        <span>{section.heading}</span>
        <span aria-hidden="true" className="text-brand-700 transition-transform group-open:rotate-180 print:hidden">
          ▾
        </span>
      </summary>
      <div className="space-y-3 px-4 pb-4 print:px-0">
        {section.paragraphs.map((paragraph, i) => (
          <p key={i}>{paragraph}</p>
        ))}
        {section.bullets ? (
          <ul className="list-disc space-y-1 pl-6">
            {section.bullets.map((bullet, i) => (
              <li key={i}>{bullet}</li>
            ))}
          </ul>
        ) : null}
      </div>
    </details>
  );
}

export function PatientPageEducation({ conditions, general }: { conditions: Condition[]; general: EducationSection[] }) {
  if (conditions.length === 0 && general.length === 0) return null;
  return (
    <section aria-labelledby="education-heading" id="education" className="scroll-mt-4 space-y-5">
      <h2 id="education-heading" className="text-2xl font-bold text-slate-900">
        Understanding your {conditions.length === 1 ? "condition" : "pain"}
      </h2>
      {conditions.map((condition) => (
        <div key={condition.slug} className="space-y-2">
          <h3 className="text-xl font-semibold text-slate-900">{condition.name}</h3>
          <p className="text-slate-700">{condition.summary}</p>
          <div className="space-y-2">
            {condition.education.map((section) => (
              <Section key={section.heading} section={section} />
            ))}
          </div>
        </div>
      ))}
      {general.length > 0 ? (
        <div className="space-y-2">
          <h3 className="text-xl font-semibold text-slate-900">Back and knee pain: the basics</h3>
          <div className="space-y-2">
            {general.map((section) => (
              <Section key={section.heading} section={section} />
            ))}
          </div>
        </div>
      ) : null}
    </section>
  );
}
