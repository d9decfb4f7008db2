import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { EnrolTwoFactorForm } from "@/app/(clinic)/account/two-factor-forms";
import { SignOutButton } from "@/app/(clinic)/sign-out-button";
import { getActor, getEnrollingActor } from "@/lib/auth/actor";
import { beginEnrolment } from "@/lib/auth/two-factor/two-factor";
import { AuthCard } from "../../auth-card";

export const metadata: Metadata = { title: "Set up two-factor sign-in" };

/** Where a clinic's requirement sends a user without two-factor: the one page they can use until they enrol. */
export default async function EnrolPage() {
  const enrolling = await getEnrollingActor();
  if (!enrolling) redirect((await getActor()) ? "/account" : "/sign-in?reason=signed-out");
  const offer = await beginEnrolment(enrolling);
  return (
    <AuthCard
      title="Set up two-factor sign-in"
      intro={
        <>
          {enrolling.clinicName} requires two-factor sign-in. Before you continue, {enrolling.name}, link an authenticator app on your phone: from now on, signing in asks for your password and a code
          from the app.
        </>
      }
    >
      <EnrolTwoFactorForm offer={{ qrSvg: offer.qrSvg, groupedSecret: offer.groupedSecret, offer: offer.offer, uri: offer.uri }} continueHref="/dashboard" />
      <div className="mt-6 border-t border-slate-200 pt-4 text-sm">
        <SignOutButton />
      </div>
    </AuthCard>
  );
}
