import type { Metadata } from "next";
import { requireActor } from "@/lib/auth/actor";
import { beginEnrolment, twoFactorStatus } from "@/lib/auth/two-factor/two-factor";
import { clinicClock, formatDateTime } from "@/lib/dates/format";
import { ChangePasswordForm, SignOutEverywhereForm } from "./account-forms";
import { EnrolTwoFactorForm, ManageTwoFactorForm } from "./two-factor-forms";
import { PageHeader, Section } from "@/app/_components/page-parts";

export const metadata: Metadata = { title: "Your account" };

export default async function AccountPage() {
  const actor = await requireActor();
  const twoFactor = await twoFactorStatus(actor);
  // A fresh key each time the page is shown; nothing is stored until a code confirms it.
  const offer = twoFactor.enabled ? null : await beginEnrolment(actor);
  return (
    <div className="space-y-8">
      <PageHeader title="Your account">
        <p className="text-slate-700">
          {actor.name} · {actor.email} · {actor.role === "admin" ? "Admin" : "Clinician"} at {actor.clinicName}
        </p>
      </PageHeader>
      <Section id="password" title="Change password" card>
        <p className="text-sm text-slate-700">You stay signed in here; every other browser and device is signed out, and you get an email saying the password changed.</p>
        <ChangePasswordForm email={actor.email} />
      </Section>
      <Section id="two-factor" title="Two-factor sign-in" card>
        {twoFactor.enabled ? (
          <>
            <p className="text-sm text-slate-700">
              <strong className="font-semibold text-emerald-800">On</strong> since {formatDateTime(twoFactor.enabledAt!, clinicClock(actor.timeZone))}. Signing in asks for your password, then a code from your authenticator app.{" "}
              {twoFactor.recoveryCodesLeft === 1 ? "1 recovery code is" : `${twoFactor.recoveryCodesLeft} recovery codes are`} left.
              {twoFactor.clinicRequires ? " Your clinic requires two-factor sign-in." : ""}
            </p>
            <ManageTwoFactorForm email={actor.email} canTurnOff={!twoFactor.clinicRequires} />
          </>
        ) : (
          <>
            <p className="text-sm text-slate-700">
              Off. With two-factor sign-in, someone who learns your password still cannot sign in without the code your phone shows. It takes a minute to set up.
            </p>
            <details className="group">
              <summary className="inline-block cursor-pointer rounded-lg border border-brand-700 bg-white px-4 py-2 font-medium text-brand-800 hover:bg-brand-50">Set up two-factor sign-in</summary>
              <div className="mt-4">
                <EnrolTwoFactorForm offer={{ qrSvg: offer!.qrSvg, groupedSecret: offer!.groupedSecret, offer: offer!.offer, uri: offer!.uri }} />
              </div>
            </details>
          </>
        )}
      </Section>
      <Section id="sessions" title="Sessions" card>
        <p className="text-sm text-slate-700">Left Physioplan open on a shared or lost device? Sign out everywhere, this browser included.</p>
        <SignOutEverywhereForm />
      </Section>
    </div>
  );
}
