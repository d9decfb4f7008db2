"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/app/_components/button";
import { Field, inputClass } from "@/app/_components/form-fields";
import { safeCallbackPath } from "@/lib/auth/redirect";
import { AuthSubmit } from "../auth-card";

const messages = {
  invalid: "That email and password do not match an account. Check them and try again.",
  code: "That code is not right, or was already used. Type the code your app shows now (each code works once).",
  expired: "The sign-in took longer than 5 minutes. Enter your email and password again.",
  limited: "Too many failed sign-in attempts. Wait a minute, then try again; after 10 failures from this device, wait 15 minutes.",
  failed: "Sign-in is not available right now. Try again in a moment.",
} as const;

export function SignInForm({ callbackUrl }: { callbackUrl: string }) {
  const router = useRouter();
  const [error, setError] = useState<keyof typeof messages | null>(null);
  const [pending, startTransition] = useTransition();
  // After a right password for an account with two-factor on: the code step (no session yet).
  const [step, setStep] = useState<"password" | "code">("password");

  function signedIn() {
    // Checked here too: the form never navigates off this origin, whatever it was given.
    router.replace(safeCallbackPath(callbackUrl));
    router.refresh();
  }

  function submit(form: HTMLFormElement) {
    const data = new FormData(form);
    startTransition(async () => {
      setError(null);
      const result = await signIn("credentials", {
        email: String(data.get("email") ?? ""),
        password: String(data.get("password") ?? ""),
        redirect: false,
      });
      if (result?.ok && !result.error) return signedIn();
      if (result?.error === "TwoFactorRequired") {
        setStep("code");
        return;
      }
      setError(result?.status === 429 || result?.error === "RateLimited" ? "limited" : result?.status === 401 || result?.error ? "invalid" : "failed");
    });
  }

  function submitCode(form: HTMLFormElement) {
    const data = new FormData(form);
    startTransition(async () => {
      setError(null);
      const result = await signIn("totp", { code: String(data.get("code") ?? ""), redirect: false });
      if (result?.ok && !result.error) return signedIn();
      if (result?.error === "TwoFactorExpired") {
        setStep("password");
        setError("expired");
        return;
      }
      setError(result?.status === 429 || result?.error === "RateLimited" ? "limited" : result?.status === 401 || result?.error ? "code" : "failed");
    });
  }

  if (step === "code") {
    return (
      <CodeStep
        error={error ? messages[error] : null}
        pending={pending}
        onSubmit={submitCode}
        onCancel={() => {
          setError(null);
          setStep("password");
        }}
      />
    );
  }

  const errorId = error ? "sign-in-error" : undefined;
  return (
    <form
      noValidate={false}
      onSubmit={(event) => {
        event.preventDefault();
        submit(event.currentTarget);
      }}
      className="space-y-4"
    >
      <Field id="email" label="Email">
        {(control) => <input {...control} name="email" type="email" autoComplete="username" required aria-describedby={errorId} className={inputClass} />}
      </Field>
      <Field id="password" label="Password">
        {(control) => <input {...control} name="password" type="password" autoComplete="current-password" required aria-describedby={errorId} className={inputClass} />}
      </Field>
      <AuthSubmit message={error ? messages[error] : null} messageId="sign-in-error" pending={pending} pendingLabel="Signing in…">
        Sign in
      </AuthSubmit>
    </form>
  );
}

function CodeStep({ error, pending, onSubmit, onCancel }: { error: string | null; pending: boolean; onSubmit: (form: HTMLFormElement) => void; onCancel: () => void }) {
  const [recovery, setRecovery] = useState(false);
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit(event.currentTarget);
      }}
      className="space-y-4"
      aria-labelledby="code-step-heading"
    >
      <div className="space-y-1">
        <h2 id="code-step-heading" className="text-base font-semibold">
          Two-factor sign-in
        </h2>
        <p className="text-sm text-slate-700">
          {recovery
            ? "Type one of the recovery codes you saved when you turned on two-factor sign-in. Each works once."
            : "Open your authenticator app and type the 6-digit code it shows for Physioplan."}
        </p>
      </div>
      <Field id="code" label={recovery ? "Recovery code" : "Code from your app"}>
        {(control) => (
          <input
            {...control}
            key={recovery ? "recovery" : "totp"}
            name="code"
            type="text"
            required
            autoFocus
            autoComplete="one-time-code"
            inputMode={recovery ? "text" : "numeric"}
            pattern={recovery ? undefined : "[0-9 ]{6,7}"}
            maxLength={recovery ? 20 : 7}
            spellCheck={false}
            aria-describedby={error ? "sign-in-error" : undefined}
            className="block w-full rounded-lg border border-slate-300 px-3 py-2 font-mono text-lg tracking-widest shadow-sm focus:border-brand-600"
          />
        )}
      </Field>
      <AuthSubmit message={error} messageId="sign-in-error" pending={pending} pendingLabel="Checking…">
        Verify and sign in
      </AuthSubmit>
      <div className="flex flex-wrap justify-between gap-2 text-sm">
        <Button variant="link" onClick={() => setRecovery(!recovery)}>
          {recovery ? "Use a code from your app" : "Use a recovery code"}
        </Button>
        <Button variant="link-muted" onClick={onCancel}>
          Start again
        </Button>
      </div>
    </form>
  );
}
