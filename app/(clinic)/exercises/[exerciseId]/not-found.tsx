import Link from "next/link";

export default function ExerciseNotFound() {
  return (
    <div className="mx-auto max-w-xl space-y-3 py-12 text-center">
      <h1 className="text-2xl font-semibold tracking-tight">Exercise not found</h1>
      <p className="text-slate-700">This exercise does not exist, or it belongs to another clinic.</p>
      <p>
        <Link href="/exercises" className="font-medium text-brand-800 underline underline-offset-2">
          Back to the exercises
        </Link>
      </p>
    </div>
  );
}
