import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { enrolmentPath, getActor, getEnrollingActor } from "@/lib/auth/actor";
import { safeCallbackPath } from "@/lib/auth/redirect";
import { SignInForm } from "./sign-in-form";
import { AuthCard } from "../auth-card";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  if (await getActor()) redirect("/dashboard");
  if (await getEnrollingActor()) redirect(enrolmentPath);
  const params = await searchParams;
  // Only a page of this origin: `/\\host`, `/%09/host`, `//host` and `https://host` all go to the dashboard.
  const callbackUrl = safeCallbackPath(params.callbackUrl);
  const notices: Record<string, string> = {
    "password-reset": "Your password was changed. Sign in with the new one.",
    "invitation-accepted": "Your account is ready. Sign in with your email and new password.",
    "signed-out-everywhere": "You were signed out on every device.",
    "set-up": "Your clinic is set up. Sign in with the email and password you chose.",
  };
  const notice =
    (typeof params.reason === "string" ? notices[params.reason] : undefined) ??
    (params.reason === "signed-out" || typeof params.callbackUrl === "string" ? "Please sign in to continue." : undefined);
  return (
    <AuthCard title="Sign in" intro="For clinicians. Patients open the link their physiotherapist sent them." narrow>
      {notice ? <p className="mb-4 rounded-lg bg-brand-50 px-3 py-2 text-sm text-brand-900">{notice}</p> : null}
      <SignInForm callbackUrl={callbackUrl} />
      <p className="mt-4 text-center text-sm">
        <Link href="/forgot-password" className="text-brand-800 underline">
          Forgot your password?
        </Link>
      </p>
    </AuthCard>
  );
}
