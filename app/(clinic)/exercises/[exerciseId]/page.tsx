import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ClinicOwnBadge } from "@/app/_components/exercise-card";
import { categoryLabel, conditionLabel, equipmentLabel, levelLabels, regionLabel } from "@/app/_components/exercise-labels";
import { cache } from "react";
import { requireActor } from "@/lib/auth/actor";
import { formatDose } from "@/lib/catalogue/dose";
import { getExercise } from "@/lib/catalogue/search";
import { FigureSvg } from "@/lib/figures/svg";
import { archiveExerciseAction, duplicateExerciseAction } from "../actions";
import { buttonClass } from "@/app/_components/button";
import { ButtonForm } from "@/app/_components/button-form";
import { EmptyState, PageHeader, Section } from "@/app/_components/page-parts";

type Props = { params: Promise<{ exerciseId: string }> };

// The title and the page read the same row once per request.
const loadExercise = cache(async (exerciseId: string) => getExercise(await requireActor(), { exerciseId }));

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const exercise = await loadExercise((await params).exerciseId);
  return { title: exercise?.name ?? "Exercise not found" };
}

export default async function ExercisePage({ params }: Props) {
  const exercise = await loadExercise((await params).exerciseId);
  if (!exercise) notFound();
  const figure = exercise.figure;
  const equipmentShown = exercise.equipment.filter((e) => e !== "none");

  return (
    <div className="space-y-8">
      <PageHeader
        title={exercise.name}
        crumbs={[{ href: "/exercises", label: "Exercises" }]}
        badges={
          <>
            {exercise.clinicOwn ? <ClinicOwnBadge /> : <span className="rounded-full bg-slate-100 px-2 py-0.5 text-xs font-medium text-slate-800">Built-in</span>}
            {exercise.archived ? <span className="rounded-full bg-slate-200 px-2 py-0.5 text-xs font-medium text-slate-800">Archived</span> : null}
          </>
        }
        actions={
          exercise.clinicOwn ? (
              <>
                <Link href={`/exercises/${exercise.id}/edit`} className={buttonClass({ variant: "primary" })}>
                  Edit
                </Link>
                <ButtonForm action={duplicateExerciseAction} fields={{ exerciseId: exercise.id }} pendingLabel="Copying…" answer="failure">
                  Duplicate
                </ButtonForm>
                <ButtonForm action={archiveExerciseAction} fields={{ exerciseId: exercise.id, archived: exercise.archived ? "false" : "true" }} aria-label={`${exercise.archived ? "Restore" : "Archive"} ${exercise.name}`}>
                  {exercise.archived ? "Restore" : "Archive"}
                </ButtonForm>
              </>
            ) : (
              <ButtonForm action={duplicateExerciseAction} fields={{ exerciseId: exercise.id }} pendingLabel="Copying…" answer="failure" variant="primary">
                Duplicate and edit
              </ButtonForm>
            )
        }
      >
        <p className="text-lg text-slate-700">{exercise.summary}</p>
        {exercise.aliases.length ? <p className="text-sm text-slate-600">Also called: {exercise.aliases.join(", ")}</p> : null}
        {exercise.archived ? (
          <p className="rounded-lg bg-slate-100 px-3 py-2 text-sm text-slate-800">
            This exercise is archived: it no longer appears in search or in the plan builder. Plans that already use it keep it.
          </p>
        ) : null}
        {!exercise.clinicOwn ? <p className="text-sm text-slate-600">Built-in exercises cannot be changed. Duplicate this one to make a version for your clinic.</p> : null}
      </PageHeader>

      <section aria-labelledby="figures-heading">
        <h2 id="figures-heading" className="sr-only">
          Figures
        </h2>
        {figure ? (
          <div className={`grid gap-4 ${figure.end ? "md:grid-cols-2" : "max-w-xl"}`}>
            <FigurePanel caption={figure.end ? "Start position" : "Position to hold"}>
              <FigureSvg spec={figure} which="start" title={`${exercise.name}: ${figure.end ? "start position" : "position to hold"}`} className="h-auto max-h-80 w-full" box={figureBox} />
            </FigurePanel>
            {figure.end ? (
              <FigurePanel caption={figure.hold ? "End position (hold)" : "End position"}>
                <FigureSvg spec={figure} which="end" title={`${exercise.name}: end position`} className="h-auto max-h-80 w-full" box={figureBox} />
              </FigurePanel>
            ) : null}
          </div>
        ) : (
          <EmptyState>This exercise has no figure.</EmptyState>
        )}
      </section>

      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <Section id="steps" title="Steps" card>
            <ol className="list-decimal space-y-2 pl-6 marker:font-semibold marker:text-brand-800">
              {exercise.steps.map((step, i) => (
                <li key={i} className="pl-1">
                  {step}
                </li>
              ))}
            </ol>
            {exercise.cues.length ? (
              <>
                <h3 className="mb-2 mt-5 font-semibold">Cues</h3>
                <ul className="list-disc space-y-1 pl-6">
                  {exercise.cues.map((cue, i) => (
                    <li key={i}>{cue}</li>
                  ))}
                </ul>
              </>
            ) : null}
            {exercise.caution ? (
              <div className="mt-5 rounded-lg border-l-4 border-amber-500 bg-amber-50 px-4 py-3">
                <h3 className="font-semibold text-amber-900">Caution</h3>
                <p className="text-amber-950">{exercise.caution}</p>
              </div>
            ) : null}
          </Section>

          {exercise.progression || exercise.regression ? (
            <Section id="adapt" title="Making it easier or harder" card>
              <dl className="space-y-3">
                {exercise.regression ? (
                  <div>
                    <dt className="font-medium">Easier (regression)</dt>
                    <dd className="text-slate-700">{exercise.regression}</dd>
                  </div>
                ) : null}
                {exercise.progression ? (
                  <div>
                    <dt className="font-medium">Harder (progression)</dt>
                    <dd className="text-slate-700">{exercise.progression}</dd>
                  </div>
                ) : null}
              </dl>
            </Section>
          ) : null}
        </div>

        <Section id="details" title="Details" card className="h-fit space-y-3">
          <dl className="space-y-4 text-sm">
            <div>
              <dt className="font-medium text-slate-900">Default dose</dt>
              <dd className="mt-0.5 text-base text-slate-800">{formatDose(exercise.defaultDose)}</dd>
            </div>
            <div>
              <dt className="font-medium text-slate-900">Level</dt>
              <dd className="mt-0.5 text-slate-700">{levelLabels[exercise.level] ?? exercise.level}</dd>
            </div>
            <div>
              <dt className="font-medium text-slate-900">Region</dt>
              <dd className="mt-0.5 text-slate-700">{exercise.regions.map(regionLabel).join(", ")}</dd>
            </div>
            <div>
              <dt className="font-medium text-slate-900">Category</dt>
              <dd className="mt-0.5 text-slate-700">{exercise.categories.map(categoryLabel).join(", ")}</dd>
            </div>
            <div>
              <dt className="font-medium text-slate-900">Equipment</dt>
              <dd className="mt-0.5 text-slate-700">{equipmentShown.length ? equipmentShown.map(equipmentLabel).join(", ") : "None"}</dd>
            </div>
            <ConditionList term="Suits" slugs={exercise.suits} none="Not stated" chipClass="bg-brand-50 text-brand-900" />
            <ConditionList term="Take care with" slugs={exercise.cautionFor} none="No condition-specific cautions" chipClass="bg-amber-100 text-amber-900" />
          </dl>
        </Section>
      </div>
    </div>
  );
}

/** The panel's figure box on a 320 px phone (max-h-80; the width less the page's and panel's padding). */
const figureBox = { width: 254, height: 320 };

/** A detail that names conditions, each as a chip, or says there are none. */
function ConditionList({ term, slugs, none, chipClass }: { term: string; slugs: string[]; none: string; chipClass: string }) {
  return (
    <div>
      <dt className="font-medium text-slate-900">{term}</dt>
      <dd className="mt-1">
        {slugs.length ? (
          <ul className="flex flex-wrap gap-1.5">
            {slugs.map((slug) => (
              <li key={slug} className={`rounded-full px-2 py-0.5 ${chipClass}`}>
                {conditionLabel(slug)}
              </li>
            ))}
          </ul>
        ) : (
          <span className="text-slate-700">{none}</span>
        )}
      </dd>
    </div>
  );
}

function FigurePanel({ caption, children }: { caption: string; children: React.ReactNode }) {
  return (
    <figure className="flex flex-col rounded-xl border border-slate-200 bg-white p-4">
      <div className="flex flex-1 items-center justify-center">{children}</div>
      <figcaption className="mt-2 text-center text-sm font-medium text-slate-700">{caption}</figcaption>
    </figure>
  );
}
