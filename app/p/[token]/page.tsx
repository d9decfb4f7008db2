// The patient's page: their plan's newest issued version, read on a phone without an account.
// Everything shown comes from the issued snapshot; the token is the only key and is never logged.
import crypto from "node:crypto";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { planBodyOf } from "@/app/_components/patient-page-body";
import { PatientPageClinic, PatientPageTitle } from "@/app/_components/patient-page-header";
import { PatientPageHistory } from "@/app/_components/patient-page-history";
import { isLogOutcome, logOutcomes } from "@/lib/adherence/log-messages";
import { recentSessionsForLink } from "@/lib/adherence/log-session";
import { resolveShareToken } from "@/lib/sharing/links";
import { SessionLogForm } from "./session-log-form";

const resolve = cache(resolveShareToken);

type Props = { params: Promise<{ token: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const link = await resolve((await params).token);
  return {
    title: link ? `${link.snapshot.title} · ${link.snapshot.clinic.name}` : "Link not active",
    robots: { index: false, follow: false },
    referrer: "no-referrer",
  };
}

const downloadClass =
  "inline-flex min-h-12 items-center justify-center gap-2 rounded-xl px-4 py-3 text-center font-semibold focus-visible:outline-3";

export default async function PatientPlanPage({ params, searchParams }: Props) {
  const { token } = await params;
  const outcome = (await searchParams).log;
  const link = await resolve(token);
  if (!link) notFound();
  const { snapshot } = link;
  const sessions = await recentSessionsForLink(link);
  const items = [...snapshot.items].sort((a, b) => a.position - b.position);
  const body = planBodyOf(link.versionId, snapshot);
  const pdf = `/p/${token}/handout.pdf`;

  return (
    <div className="min-h-screen bg-slate-50 text-lg leading-relaxed text-slate-900 print:bg-white print:text-base">
      <div aria-hidden="true" className="h-2 print:hidden" style={{ backgroundColor: snapshot.clinic.accentColour }} />
      <header className="border-b border-slate-200 bg-white print:border-b-2 print:border-slate-900">
        <div className="mx-auto max-w-2xl space-y-5 px-4 py-5 sm:px-6">
          <PatientPageClinic clinic={snapshot.clinic} />
          <PatientPageTitle snapshot={snapshot} />
          <div className="grid grid-cols-1 gap-2 sm:grid-cols-2 print:hidden">
            <a href={pdf} download className={`${downloadClass} bg-brand-700 text-white hover:bg-brand-800`}>
              <DownloadIcon /> Download PDF
            </a>
            <a href={`${pdf}?large=1`} download className={`${downloadClass} border-2 border-brand-700 bg-white text-brand-800 hover:bg-brand-50`}>
              <DownloadIcon /> Large-print PDF
            </a>
          </div>
        </div>
      </header>

      <nav aria-label="On this page" className="sticky top-0 z-10 border-b border-slate-200 bg-white/95 backdrop-blur print:hidden">
        <ul className="mx-auto flex max-w-2xl gap-1 overflow-x-auto px-2 py-1 text-base sm:px-4">
          {[
            ["#exercises", "Exercises"],
            ["#log", "Log a session"],
            ["#safety", "Safety"],
            ["#education", "Advice"],
          ].map(([href, label]) => (
            <li key={href} className="shrink-0">
              <a href={href} className="inline-block rounded-lg px-2.5 py-2 font-medium text-brand-800 hover:bg-brand-50">
                {label}
              </a>
            </li>
          ))}
        </ul>
      </nav>

      <main className="mx-auto max-w-2xl space-y-10 px-4 py-6 sm:px-6 print:space-y-6 print:py-2">
        {/* Rendered once per issued version (see patient-page-body.ts); every value in it is escaped. */}
        <div className="space-y-10 print:space-y-6" dangerouslySetInnerHTML={{ __html: body.top }} />

        <section aria-labelledby="log-heading" id="log" className="scroll-mt-14 space-y-6 rounded-2xl border border-slate-200 bg-white p-4 sm:p-6 print:hidden">
          <div>
            <h2 id="log-heading" className="text-2xl font-bold text-slate-900">
              Log today&rsquo;s session
            </h2>
            <p className="mt-1 text-slate-700">Your physiotherapist sees what you log. It takes less than a minute.</p>
          </div>
          <SessionLogForm
            actionUrl={`/p/${token}/log`}
            initialResult={isLogOutcome(outcome) ? logOutcomes[outcome] : null}
            items={items.map((item) => ({ position: item.position, name: item.name }))}
            clientKey={crypto.randomUUID()}
          />
          <PatientPageHistory sessions={sessions} exerciseCount={items.length} />
        </section>

        <div className="space-y-10 print:space-y-6" dangerouslySetInnerHTML={{ __html: body.bottom }} />
      </main>

      <footer className="border-t border-slate-200 bg-white print:border-t-2 print:border-slate-900">
        <div className="mx-auto max-w-2xl px-4 py-6 text-base text-slate-700 sm:px-6">
          <p>
            Questions about your plan? Contact {snapshot.clinic.name}
            {snapshot.clinic.phone ? (
              <>
                {" "}
                on{" "}
                <a href={`tel:${snapshot.clinic.phone.replace(/[^+\d]/g, "")}`} className="font-medium text-brand-800 underline underline-offset-2">
                  {snapshot.clinic.phone}
                </a>
              </>
            ) : null}
            .
          </p>
          <p className="mt-2 text-sm text-slate-600">This page is private to you. Please do not share its address.</p>
        </div>
      </footer>
    </div>
  );
}

function DownloadIcon() {
  return (
    <svg aria-hidden="true" viewBox="0 0 24 24" className="h-5 w-5 fill-current">
      <path d="M11 3h2v9.6l3.3-3.3 1.4 1.4L12 16.4l-5.7-5.7 1.4-1.4 3.3 3.3V3zM5 19h14v2H5z" />
    </svg>
  );
}
