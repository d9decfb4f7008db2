import type { Metadata } from "next";
import { requireActor } from "@/lib/auth/actor";
import { createExerciseAction } from "../actions";
import { ExerciseForm } from "../exercise-form";
import { exerciseFormOptions, newExerciseValues } from "../form-values";
import { PageHeader } from "@/app/_components/page-parts";

export const metadata: Metadata = { title: "New exercise" };

export default async function NewExercisePage() {
  await requireActor();
  return (
    <div className="space-y-6">
      <PageHeader title="New exercise" crumbs={[{ href: "/exercises", label: "Exercises" }]}>
        <p className="max-w-prose text-slate-600">
          Only your clinic sees the exercises it creates. To start from a built-in exercise, open it and choose &ldquo;Duplicate and edit&rdquo;.
        </p>
      </PageHeader>
      <ExerciseForm action={createExerciseAction} initialValues={newExerciseValues} options={exerciseFormOptions()} submitLabel="Create exercise" cancelHref="/exercises" />
    </div>
  );
}
