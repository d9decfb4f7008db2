"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { safeCallbackPath } from "@/lib/auth/redirect";

const messages = {
  invalid: "That email and password do not match an account. Check them and try again.",
  limited: "Too many failed sign-in attempts. Wait a minute, then try again; after 10 failures from this device, wait 15 minutes.",
  failed: "Sign-in is not available right now. Try again in a moment.",
} as const;

export function SignInForm({ callbackUrl }: { callbackUrl: string }) {
  const router = useRouter();
  const [error, setError] = useState<keyof typeof messages | null>(null);
  const [pending, startTransition] = useTransition();

  function submit(form: HTMLFormElement) {
    const data = new FormData(form);
    startTransition(async () => {
      setError(null);
      const result = await signIn("credentials", {
        email: String(data.get("email") ?? ""),
        password: String(data.get("password") ?? ""),
        redirect: false,
      });
      if (result?.ok && !result.error) {
        // Checked here too: the form never navigates off this origin, whatever it was given.
        router.replace(safeCallbackPath(callbackUrl));
        router.refresh();
        return;
      }
      setError(result?.status === 429 || result?.error === "RateLimited" ? "limited" : result?.status === 401 || result?.error ? "invalid" : "failed");
    });
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
