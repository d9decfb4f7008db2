import Link from "next/link";

// A clinic page that does not exist, or belongs to another clinic, or to a role the user does not
// have: one answer for all three, so none of them is revealed.
export default function ClinicNotFound() {
  return (
    <div className="mx-auto max-w-xl space-y-3 py-12">
      <h1 className="text-2xl font-semibold tracking-tight">Page not found</h1>
      <p className="text-slate-700">This page does not exist, or it is not part of your clinic.</p>
      <p>
        <Link href="/dashboard" className="font-medium text-brand-800 underline underline-offset-2">
          Go to the dashboard
        </Link>
      </p>
    </div>
  );
}
