import type { Metadata } from "next";
import { findInvitation } from "@/lib/team/accept-invitation";
import { AuthCard } from "../../auth-card";
import { AcceptInvitationForm } from "./accept-invitation-form";

export const metadata: Metadata = { title: "Join your clinic", referrer: "no-referrer" };

export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const invitation = await findInvitation(token);
  if (!invitation) {
    return (
      <AuthCard title="This invitation no longer works">
        <p className="text-slate-700">Invitations work once and expire after 7 days. Ask your clinic&rsquo;s admin to invite you again.</p>
      </AuthCard>
    );
  }
  return (
    <AuthCard
      title={`Join ${invitation.clinicName}`}
      intro={
        <>
          You were invited as {invitation.role === "admin" ? "an admin" : "a clinician"}. You will sign in with <span className="font-medium text-slate-900">{invitation.email}</span>.
        </>
      }
    >
      <AcceptInvitationForm token={token} email={invitation.email} />
    </AuthCard>
  );
}
