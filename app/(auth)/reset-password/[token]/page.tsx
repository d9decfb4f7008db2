import type { Metadata } from "next";
import Link from "next/link";
import { isUsableResetToken } from "@/lib/account/password-reset";
import { AuthCard } from "../../auth-card";
import { ResetPasswordForm } from "./reset-password-form";

export const metadata: Metadata = { title: "Choose a new password", referrer: "no-referrer" };

export default async function ResetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  if (!(await isUsableResetToken(token))) {
    return (
      <AuthCard title="This link no longer works">
        <p className="mb-4 text-slate-700">Reset links work once, for 30 minutes. Ask for a new one.</p>
        <Link href="/forgot-password" className="font-medium text-brand-800 underline">
          Send me a new link
        </Link>
      </AuthCard>
    );
  }
  return (
    <AuthCard title="Choose a new password" intro="Every device signed in to your account will be signed out.">
      <ResetPasswordForm token={token} />
    </AuthCard>
  );
}
