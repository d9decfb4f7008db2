import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireAdmin } from "@/lib/auth/admin";
import { clinicClock, formatDateTime } from "@/lib/dates/format";
import { listTeam } from "@/lib/team/team";
import { AdminTabs } from "../admin-tabs";
import { getClinic } from "@/lib/clinic/settings";
import { InviteForm, MemberActions, RequireTwoFactorForm, RevokeInvitation } from "./team-forms";
import { PageHeader, Section } from "@/app/_components/page-parts";
import { DataTable } from "@/app/_components/table-head";

export const metadata: Metadata = { title: "Team" };

export default async function TeamPage() {
  const actor = await requireAdmin();
  const clock = clinicClock(actor.timeZone);
  const [team, clinic] = await Promise.all([listTeam(actor), getClinic(actor)]);
  if (!team || !clinic) notFound();
  const withoutTwoFactor = team.members.filter((m) => m.active && !m.twoFactor).length;
  return (
    <div className="space-y-8">
      <PageHeader title="Team">
        <AdminTabs current="/settings/team" />
        <p className="text-slate-700">
          Everyone who signs in to {actor.clinicName}. Clinicians work with every patient and plan; admins also manage the team, the clinic&rsquo;s settings and the activity log.
        </p>
      </PageHeader>

      <Section id="members" title="Members">
        <DataTable columns={["Name", "Role", "Status", "Two-factor", "Last sign-in", "Actions"]}>
          {team.members.map((member) => (
            <tr key={member.id} className="align-top">
              <th scope="row" className="px-4 py-3 font-medium">
                {member.name}
                {member.id === actor.userId ? <span className="font-normal text-slate-600"> (you)</span> : null}
                <span className="block font-normal text-slate-600">{member.email}</span>
              </th>
              <td className="px-4 py-3">{member.role === "admin" ? "Admin" : "Clinician"}</td>
              <td className="px-4 py-3">{member.active ? "Active" : <span className="font-medium text-red-800">Deactivated</span>}</td>
              <td className="px-4 py-3">{member.twoFactor ? "On" : <span className="text-slate-600">Off</span>}</td>
              <td className="px-4 py-3 text-slate-700">{member.lastSignInAt ? formatDateTime(member.lastSignInAt, clock) : "Never"}</td>
              <td className="px-4 py-3">
                <MemberActions userId={member.id} name={member.name} role={member.role} active={member.active} isSelf={member.id === actor.userId} twoFactor={member.twoFactor} />
              </td>
            </tr>
          ))}
        </DataTable>
      </Section>

      <Section id="two-factor" title="Two-factor sign-in" card>
        <p className="max-w-3xl text-sm text-slate-700">
          {clinic.requireTwoFactor
            ? "Required: everyone signs in with their password and a code from an authenticator app. A colleague without two-factor sets it up at their next sign-in, and can do nothing else until they have."
            : `Not required. Each person can turn it on in their account.${withoutTwoFactor ? ` ${withoutTwoFactor === 1 ? "1 active colleague does" : `${withoutTwoFactor} active colleagues do`} not use it yet.` : ""} Lost a phone? Reset that colleague's two-factor above: they sign in with their password and set it up again.`}
        </p>
        <RequireTwoFactorForm required={clinic.requireTwoFactor} />
      </Section>

      <Section id="invite" title="Invite a colleague" card>
        <p className="text-sm text-slate-700">
          They get an email with a link that works once and expires in 7 days; with it they choose their name and password. Sent emails are listed in the{" "}
          <Link href="/settings/outbox" className="text-brand-800 underline">
            outbox
          </Link>
          .
        </p>
        <InviteForm />
        {team.invitations.length ? (
          <div className="space-y-2">
            <h3 className="text-sm font-semibold">Waiting to be accepted</h3>
            <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200">
              {team.invitations.map((invitation) => (
                <li key={invitation.id} className="flex flex-wrap items-center justify-between gap-2 px-3 py-2 text-sm">
                  <span>
                    <span className="font-medium">{invitation.email}</span> · {invitation.role === "admin" ? "admin" : "clinician"} · expires {formatDateTime(invitation.expiresAt, clock)}
                    {invitation.invitedByName ? ` · invited by ${invitation.invitedByName}` : ""}
                  </span>
                  <RevokeInvitation invitationId={invitation.id} email={invitation.email} />
                </li>
              ))}
            </ul>
          </div>
        ) : null}
      </Section>
    </div>
  );
}
