"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { safeCallbackPath } from "@/lib/auth/redirect";

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

  return (
    <form
      noValidate={false}
      onSubmit={(event) => {
        event.preventDefault();
        submit(event.currentTarget);
      }}
      className="space-y-4"
    >
      <div>
        <label htmlFor="email" className="mb-1 block text-sm font-medium">
          Email
        </label>
        <input
          id="email"
          name="email"
          type="email"
          autoComplete="username"
          required
          aria-describedby={error ? "sign-in-error" : undefined}
          className="block w-full rounded-lg border border-slate-300 px-3 py-2 text-base shadow-sm focus:border-brand-600"
        />
      </div>
      <div>
        <label htmlFor="password" className="mb-1 block text-sm font-medium">
          Password
        </label>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          aria-describedby={error ? "sign-in-error" : undefined}
          className="block w-full rounded-lg border border-slate-300 px-3 py-2 text-base shadow-sm focus:border-brand-600"
        />
      </div>
      <div aria-live="polite">
        {error ? (
          <p id="sign-in-error" role="alert" className="rounded-lg bg-red-50 px-3 py-2 text-sm text-red-800">
            {messages[error]}
          </p>
        ) : null}
      </div>
      <button
        type="submit"
        disabled={pending}
        className="w-full rounded-lg bg-brand-700 px-4 py-2.5 font-medium text-white hover:bg-brand-800 disabled:opacity-60"
      >
        {pending ? "Signing in…" : "Sign in"}
      </button>
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
      <div>
        <label htmlFor="code" className="mb-1 block text-sm font-medium">
          {recovery ? "Recovery code" : "Code from your app"}
        </label>
        <input
          key={recovery ? "recovery" : "totp"}
          id="code"
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
      </div>
      <div aria-live="polite">
        {error ? (
          <p id="sign-in-error" role="alert" className="rounded-lg bg-red-50 px-3 py-2 text-sm text-red-800">
            {error}
          </p>
        ) : null}
      </div>
      <button type="submit" disabled={pending} className="w-full rounded-lg bg-brand-700 px-4 py-2.5 font-medium text-white hover:bg-brand-800 disabled:opacity-60">
        {pending ? "Checking…" : "Verify and sign in"}
      </button>
      <div className="flex flex-wrap justify-between gap-2 text-sm">
        <button type="button" onClick={() => setRecovery(!recovery)} className="text-brand-800 underline">
          {recovery ? "Use a code from your app" : "Use a recovery code"}
        </button>
        <button type="button" onClick={onCancel} className="text-slate-700 underline">
          Start again
        </button>
      </div>
    </form>
  );
}
