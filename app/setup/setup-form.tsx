"use client";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { SubmitButton } from "@/app/_components/button";
import { Field, FormError, inputClass, NewPasswordFields } from "@/app/_components/form-fields";

type Answer = { ok: boolean; message?: string; fieldErrors?: Record<string, string[]>; redirect?: string };

/** Posts to /api/setup (which answers 400/403/404/429 with the message for the field); keeps what was typed. */
export function SetupForm() {
  const router = useRouter();
  const [answer, setAnswer] = useState<Answer>({ ok: false });
  const [pending, startTransition] = useTransition();
  const errors = answer.fieldErrors ?? {};

  function submit(form: HTMLFormElement) {
    const data = Object.fromEntries(new FormData(form).entries());
    startTransition(async () => {
      let next: Answer;
      try {
        const response = await fetch("/api/setup", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(data) });
        next = (await response.json().catch(() => null)) ?? { ok: false, message: "Set-up is not available right now. Try again in a moment." };
      } catch {
        next = { ok: false, message: "The server could not be reached. Check it is running, then try again." };
      }
      setAnswer(next);
      if (next.ok && next.redirect) router.replace(next.redirect);
    });
  }

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        submit(event.currentTarget);
      }}
      className="space-y-4"
    >
      <Field id="setup-code" label="Set-up code" hint="Printed by the server at start, like ABCDE-FGHJK-LMNPQ." errors={errors.code}>
        {(control) => <input {...control} name="code" type="text" autoComplete="off" spellCheck={false} required className={`${inputClass} font-mono uppercase tracking-wider`} />}
      </Field>
      <Field id="setup-clinic" label="Clinic name" errors={errors.clinicName}>
        {(control) => <input {...control} name="clinicName" type="text" autoComplete="organization" required className={inputClass} />}
      </Field>
      <Field id="setup-name" label="Your name" errors={errors.name}>
        {(control) => <input {...control} name="name" type="text" autoComplete="name" required className={inputClass} />}
      </Field>
      <Field id="setup-email" label="Your email" hint="You sign in with it." errors={errors.email}>
        {(control) => <input {...control} name="email" type="email" autoComplete="username" required className={inputClass} />}
      </Field>
      <NewPasswordFields label="Password" idPrefix="setup-" errors={errors} />
      {answer.ok ? (
        <p role="status" className="rounded-lg bg-emerald-50 px-3 py-2 text-sm font-medium text-emerald-900">
          Your clinic is set up. Taking you to sign in…
        </p>
      ) : (
        <FormError message={answer.message} />
      )}
      <SubmitButton pending={pending} pendingLabel="Setting up…" disabled={answer.ok} size="lg" className="w-full">
        Create the clinic
      </SubmitButton>
    </form>
  );
}
