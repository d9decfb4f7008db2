import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requireAdmin } from "@/lib/auth/admin";
import { emailMode, listOutbox } from "@/lib/email/outbox";
import { clinicClock, formatDateTime } from "@/lib/dates/format";
import { AdminTabs } from "../admin-tabs";
import { EmptyState, PageHeader } from "@/app/_components/page-parts";

export const metadata: Metadata = { title: "Outbox" };

const kindLabels: Record<string, string> = {
  invitation: "Invitation",
  "password-reset": "Password reset",
  "password-changed": "Password changed",
  "two-factor-changed": "Two-factor changed",
  "plan-link": "Plan link",
};
const stateLabels = { outbox: "Waiting in the outbox", sent: "Sent", failed: "Not sent" } as const;

export default async function OutboxPage() {
  const actor = await requireAdmin();
  const messages = await listOutbox(actor);
  if (!messages) notFound();
  const mode = emailMode();
  return (
    <div className="space-y-6">
      <PageHeader title="Outbox">
        <AdminTabs current="/settings/outbox" />
        <p className="text-slate-700">
          {mode === "smtp"
            ? "Emails go out through the configured mail server. This list shows what was sent and what failed; the text of sent messages is not kept."
            : "No mail server is configured (SMTP_URL), so emails wait here. Open a message to read it and pass its link on yourself, for example an invitation or a password reset link."}
        </p>
      </PageHeader>
      {messages.length === 0 ? (
        <EmptyState>No emails yet.</EmptyState>
      ) : (
        <ul className="space-y-3">
          {messages.map((m) => (
            <li key={m.id} className="rounded-xl border border-slate-200 bg-white p-4">
              <div className="flex flex-wrap items-baseline justify-between gap-2">
                <h2 className="font-semibold">{m.subject}</h2>
                <p className="text-sm text-slate-600">{formatDateTime(m.createdAt, clinicClock(actor.timeZone))}</p>
              </div>
              <p className="text-sm text-slate-700">
                {kindLabels[m.kind] ?? m.kind} · to {m.to} · <span className={m.state === "failed" ? "font-medium text-red-800" : ""}>{stateLabels[m.state]}</span>
                {m.error ? ` (${m.error})` : ""}
              </p>
              {m.body ? (
                <details className="mt-2">
                  <summary className="cursor-pointer text-sm font-medium text-brand-800">Read the message</summary>
                  <pre className="mt-2 whitespace-pre-wrap break-words rounded-lg bg-slate-50 p-3 font-sans text-sm text-slate-900">{m.body.text}</pre>
                </details>
              ) : m.state === "outbox" ? (
                <p className="mt-1 text-sm text-amber-900">This message can no longer be read here (the server&rsquo;s secret changed).</p>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
