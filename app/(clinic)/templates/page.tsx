import type { Metadata } from "next";
import Link from "next/link";
import { ButtonForm } from "@/app/_components/button-form";
import { requireActor } from "@/lib/auth/actor";
import { conditionName } from "@/lib/catalogue/conditions";
import { formatDose } from "@/lib/catalogue/dose";
import { listTemplates, type TemplateSummary } from "@/lib/plans/templates";
import { archiveTemplateAction } from "./actions";
import { EmptyState, PageHeader, Section } from "@/app/_components/page-parts";

export const metadata: Metadata = { title: "Templates" };


export default async function TemplatesPage() {
  const actor = await requireActor();
  const templates = await listTemplates(actor);
  const own = templates.filter((t) => !t.builtIn);
  const builtIn = templates.filter((t) => t.builtIn);

  return (
    <div className="space-y-8">
      <PageHeader title="Templates">
        <p className="text-slate-700">Starting points for a plan. Each one opens in the plan builder, where you adjust it for the patient.</p>
      </PageHeader>

      <Section id="own" title="Your clinic’s templates">
        {own.length ? (
          <ul className="grid gap-4 md:grid-cols-2">
            {own.map((t) => (
              <TemplateCard key={t.id} template={t} />
            ))}
          </ul>
        ) : (
          <EmptyState>
            None yet. In the plan builder, use <span className="font-medium">Save as template</span> to keep a plan you will use again.
          </EmptyState>
        )}
      </Section>

      <Section id="builtin" title="Built-in protocols">
        <ul className="grid gap-4 md:grid-cols-2">
          {builtIn.map((t) => (
            <TemplateCard key={t.id} template={t} />
          ))}
        </ul>
      </Section>
    </div>
  );
}

function TemplateCard({ template }: { template: TemplateSummary }) {
  const headingId = `template-${template.id}`;
  return (
    <li aria-labelledby={headingId} className="flex flex-col gap-3 rounded-xl border border-slate-200 bg-white p-4">
      <div>
        <h3 id={headingId} className="font-semibold">
          {template.name}
        </h3>
        <p className="text-sm text-slate-600">{template.conditions.map((c) => conditionName(c)).join(", ") || "No conditions"}</p>
      </div>
      {template.description ? <p className="text-sm text-slate-700">{template.description}</p> : null}
      <ol className="list-decimal space-y-1 pl-5 text-sm">
        {template.items.map((item, i) => (
          <li key={`${item.exerciseId}-${i}`}>
            <span className="font-medium">{item.name}</span>
            <span className="text-slate-700"> · {formatDose(item.dose)}</span>
          </li>
        ))}
      </ol>
      <div className="mt-auto flex flex-wrap items-start gap-2">
        <Link
          href={`/plans/new?template=${template.id}`}
          aria-label={`Use for a patient: ${template.name}`}
          className="rounded-lg bg-brand-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-800"
        >
          Use for a patient
        </Link>
        {!template.builtIn ? (
          <ButtonForm action={archiveTemplateAction} fields={{ templateId: template.id }} size="xs" formClassName="inline-flex flex-col gap-1" answer="failure" aria-label={`Archive ${template.name}`}>
            Archive
          </ButtonForm>
        ) : null}
      </div>
    </li>
  );
}
