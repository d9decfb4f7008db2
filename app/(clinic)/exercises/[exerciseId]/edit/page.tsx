import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireActor } from "@/lib/auth/actor";
import { figureSlugOf } from "@/lib/catalogue/clinic-exercises";
import { getExercise } from "@/lib/catalogue/search";
import { updateExerciseAction } from "../../actions";
import { ExerciseForm } from "../../exercise-form";
import { exerciseFormOptions, exerciseValues } from "../../form-values";

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
      <div>
        <p className="text-sm">
          <Link href="/exercises" className="text-brand-800 underline-offset-2 hover:underline">
            Exercises
          </Link>
          <span aria-hidden="true" className="px-1.5 text-slate-400">
            /
          </span>
          <Link href={`/exercises/${exercise.id}`} className="text-brand-800 underline-offset-2 hover:underline">
            {exercise.name}
          </Link>
        </p>
        <h1 className="mt-2 text-2xl font-semibold tracking-tight">Edit exercise</h1>
        <p className="mt-1 max-w-prose text-slate-600">Changes apply to new plans and drafts. Plans already issued keep the text their patients were given.</p>
      </div>
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
