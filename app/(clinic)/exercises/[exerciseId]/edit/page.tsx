import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requireActor } from "@/lib/auth/actor";
import { figureSlugOf } from "@/lib/catalogue/clinic-exercises";
import { getExercise } from "@/lib/catalogue/search";
import { updateExerciseAction } from "../../actions";
import { ExerciseForm } from "../../exercise-form";
import { exerciseFormOptions, exerciseValues } from "../../form-values";
import { PageHeader } from "@/app/_components/page-parts";

export const metadata: Metadata = { title: "Edit exercise" };

export default async function EditExercisePage({ params }: { params: Promise<{ exerciseId: string }> }) {
  const actor = await requireActor();
  const { exerciseId } = await params;
  const exercise = await getExercise(actor, { exerciseId });
  // Built-in exercises are read-only: they are duplicated, not edited.
  if (!exercise || !exercise.clinicOwn) notFound();
  const figureSlug = figureSlugOf(exercise.figure);
  const canKeepFigure = exercise.figure !== null && figureSlug === null;

  return (
    <div className="space-y-6">
      <PageHeader
        title="Edit exercise"
        crumbs={[
          { href: "/exercises", label: "Exercises" },
          { href: `/exercises/${exercise.id}`, label: exercise.name },
        ]}
      >
        <p className="max-w-prose text-slate-600">Changes apply to new plans and drafts. Plans already issued keep the text their patients were given.</p>
      </PageHeader>
      <ExerciseForm
        action={updateExerciseAction.bind(null, exercise.id)}
        initialValues={exerciseValues(exercise, canKeepFigure ? "keep" : (figureSlug ?? ""))}
        options={exerciseFormOptions()}
        canKeepFigure={canKeepFigure}
        submitLabel="Save changes"
        cancelHref={`/exercises/${exercise.id}`}
      />
    </div>
  );
}
