import type { Metadata } from "next";
import Link from "next/link";
import { requireActor } from "@/lib/auth/actor";
import { createExerciseAction } from "../actions";
import { ExerciseForm } from "../exercise-form";
import { exerciseFormOptions, newExerciseValues } from "../form-values";

export const metadata: Metadata = { title: "New exercise" };

export default async function NewExercisePage() {
  await requireActor();
  return (
    <div className="space-y-6">
      <div>
        <p className="text-sm">
          <Link href="/exercises" className="text-brand-800 underline-offset-2 hover:underline">
            Exercises
          </Link>
        </p>
        <h1 className="mt-2 text-2xl font-semibold tracking-tight">New exercise</h1>
        <p className="mt-1 max-w-prose text-slate-600">
          Only your clinic sees the exercises it creates. To start from a built-in exercise, open it and choose &ldquo;Duplicate and edit&rdquo;.
        </p>
      </div>
      <ExerciseForm action={createExerciseAction} initialValues={newExerciseValues} options={exerciseFormOptions()} submitLabel="Create exercise" cancelHref="/exercises" />
    </div>
  );
}
