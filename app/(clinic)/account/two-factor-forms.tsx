"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button, SubmitButton } from "@/app/_components/button";
import { Field, FormError, inputClass } from "@/app/_components/form-fields";
import { useFormAction } from "@/app/_components/use-form-action";
import type { TwoFactorFormState } from "@/lib/auth/two-factor/action";
import { confirmEnrolmentAction, manageTwoFactorAction } from "./two-factor-actions";

const initial: TwoFactorFormState = { ok: false };

export type Offer = { qrSvg: string; groupedSecret: string; offer: string; uri: string };

/** The ten recovery codes, shown once, with what they are for. */
function RecoveryCodes({ codes, done }: { codes: string[]; done: React.ReactNode }) {
  const [copied, setCopied] = useState(false);
  return (
    <div className="space-y-3" role="status">
      <p className="rounded-lg bg-emerald-50 px-3 py-2 text-sm font-medium text-emerald-900">Two-factor sign-in is on. Save your recovery codes now: they are shown only once.</p>
      <p className="text-sm text-slate-700">
        If you lose your phone, each of these codes signs you in once instead of a code from the app. Keep them somewhere safe, away from your phone: a password manager or a printed copy.
      </p>
      <ol aria-label="Recovery codes" className="grid grid-cols-2 gap-x-6 gap-y-1 rounded-lg border border-slate-200 bg-slate-50 p-4 font-mono text-base sm:max-w-sm">
        {codes.map((code) => (
          <li key={code} data-recovery-code>
            {code}
          </li>
        ))}
      </ol>
      <div className="flex flex-wrap gap-3">
        <Button
          onClick={() => {
            void navigator.clipboard?.writeText(codes.join("\n")).then(() => setCopied(true));
          }}
        >
          {copied ? "Copied" : "Copy codes"}
        </Button>
        {done}
      </div>
    </div>
  );
}

/**
 * Enrolment: the QR code and the typed key of an offered key, then a code from the app to confirm.
 * `continueHref` (the enrolment a clinic requires) leads on once the codes are saved; without it the
 * account page is refreshed.
 */
export function EnrolTwoFactorForm({ offer, continueHref }: { offer: Offer; continueHref?: string }) {
  const router = useRouter();
  const [state, formAction, pending] = useFormAction(confirmEnrolmentAction, initial);
  if (state.ok && state.recoveryCodes) {
    return (
      <RecoveryCodes
        codes={state.recoveryCodes}
        done={
          continueHref ? (
            // A full page load: nothing the router cached while enrolment was owed is reused.
            <Button variant="primary" onClick={() => window.location.assign(continueHref)}>
              I have saved them: continue
            </Button>
          ) : (
            <Button variant="primary" onClick={() => router.refresh()}>
              I have saved them
            </Button>
          )
        }
      />
    );
  }
  return (
    <form action={formAction} className="space-y-5">
      <input type="hidden" name="offer" value={offer.offer} />
      <ol className="space-y-5">
        <li className="space-y-2">
          <p className="font-medium">1. Add Physioplan to an authenticator app</p>
          <p className="text-sm text-slate-700">Scan this code with an app such as Google Authenticator, Microsoft Authenticator, 1Password or Aegis.</p>
          <div
            role="img"
            aria-label="QR code of your two-factor key"
            className="w-48 rounded-lg border border-slate-200 bg-white p-1 [&_svg]:h-auto [&_svg]:w-full"
            dangerouslySetInnerHTML={{ __html: offer.qrSvg }}
          />
          <div className="text-sm text-slate-700">
            <p>Cannot scan it? Type this key into the app (time-based):</p>
            <p className="mt-1 flex flex-wrap gap-x-3 rounded bg-slate-100 px-2 py-1 font-mono text-base tracking-wider text-slate-900" data-testid="two-factor-key">
              {offer.groupedSecret.split(" ").map((group, index) => (
                <span key={index} className="whitespace-nowrap">
                  {group}{" "}
                </span>
              ))}
            </p>
            <p className="mt-2">
              On this phone?{" "}
              <a href={offer.uri} className="text-brand-800 underline">
                Open the key in your authenticator app
              </a>
              .
            </p>
          </div>
        </li>
        <li className="space-y-2">
          <p className="font-medium">2. Type the 6-digit code the app shows</p>
          <Field id="enrol-code" label="Code from your app" errors={state.fieldErrors?.code}>
            {(control) => (
              <input {...control} name="code" type="text" inputMode="numeric" autoComplete="one-time-code" maxLength={7} required spellCheck={false} className={`${inputClass} max-w-40 font-mono tracking-widest`} />
            )}
          </Field>
        </li>
      </ol>
      <FormError message={state.fieldErrors ? undefined : state.message} />
      <SubmitButton pending={pending} pendingLabel="Checking…">
        Turn on two-factor sign-in
      </SubmitButton>
    </form>
  );
}

/** New recovery codes, or two-factor turned off (not while the clinic requires it). */
export function ManageTwoFactorForm({ email, canTurnOff }: { email: string; canTurnOff: boolean }) {
  const router = useRouter();
  const [state, formAction, pending] = useFormAction(manageTwoFactorAction, initial);
  if (state.ok && state.recoveryCodes) {
    return (
      <RecoveryCodes
        codes={state.recoveryCodes}
        done={
          <Button variant="primary" onClick={() => router.refresh()}>
            I have saved them
          </Button>
        }
      />
    );
  }
  if (state.ok) {
    return (
      <p role="status" className="rounded-lg bg-emerald-50 px-3 py-2 text-sm font-medium text-emerald-900">
        {state.message}
      </p>
    );
  }
  return (
    <form action={formAction} className="max-w-md space-y-3">
      <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
      <Field id="two-factor-password" label="Your password" hint="Asked again before new recovery codes are made or two-factor is turned off." errors={state.fieldErrors?.currentPassword}>
        {(control) => <input {...control} name="currentPassword" type="password" autoComplete="current-password" required className={inputClass} />}
      </Field>
      <FormError message={state.fieldErrors?.currentPassword ? undefined : state.message} />
      <div className="flex flex-wrap gap-3">
        <Button type="submit" name="intent" value="new-codes" disabled={pending}>
          New recovery codes
        </Button>
        {canTurnOff ? (
          <Button type="submit" name="intent" value="turn-off" variant="danger" disabled={pending}>
            Turn off two-factor sign-in
          </Button>
        ) : null}
      </div>
    </form>
  );
}
