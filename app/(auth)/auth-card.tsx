// The frame of the signed-out pages: sign-in, forgot password, reset, invitation, two-factor enrolment.
import { SubmitButton } from "@/app/_components/button";
import { FormError } from "@/app/_components/form-fields";
export function AuthCard({ title, intro, narrow, children }: { title: string; intro?: React.ReactNode; narrow?: boolean; children: React.ReactNode }) {
  return (
    <main className="flex min-h-screen items-center justify-center px-4 py-12">
      <div className={`w-full ${narrow ? "max-w-sm" : "max-w-md"}`}>
        <p className="mb-6 text-center text-2xl font-semibold tracking-tight text-brand-800">Physioplan</p>
        <div className="rounded-2xl border border-slate-200 bg-white p-8 shadow-sm">
          <h1 className="mb-1 text-xl font-semibold">{title}</h1>
          {intro ? <div className="mb-6 text-sm text-slate-600">{intro}</div> : null}
          {children}
        </div>
      </div>
    </main>
  );
}

/** A signed-out form's last row: its refusal, announced when it appears, and its full-width submit. */
export function AuthSubmit({ message, messageId, pending, pendingLabel, children }: { message?: string | null; messageId?: string; pending: boolean; pendingLabel: string; children: React.ReactNode }) {
  return (
    <>
      <FormError id={messageId} message={message} />
      <SubmitButton pending={pending} pendingLabel={pendingLabel} size="lg" className="w-full">
        {children}
      </SubmitButton>
    </>
  );
}
