// The top of the patient's page: who the plan is from, what it is, when it changed and how.
import type { PlanSnapshot } from "@/lib/plans/snapshot";

const issuedFormat = new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/London", day: "numeric", month: "long", year: "numeric" });
const dateFormat = new Intl.DateTimeFormat("en-GB", { timeZone: "UTC", day: "numeric", month: "long", year: "numeric" });

function formatDate(iso: string): string {
  return dateFormat.format(new Date(`${iso}T12:00:00Z`));
}

export function PatientPageClinic({ clinic }: { clinic: PlanSnapshot["clinic"] }) {
  const logo = clinic.logo ? `data:${clinic.logo.mimeType};base64,${clinic.logo.base64}` : null;
  return (
    <div className="flex items-start gap-3">
      {logo ? (
        // A data: URL from the issued snapshot: nothing is loaded from another site.
        // eslint-disable-next-line @next/next/no-img-element
        <img src={logo} alt="" className="h-12 w-auto max-w-24 shrink-0 object-contain" />
      ) : null}
      <div className="min-w-0">
        <p className="text-lg font-bold leading-tight text-slate-900">{clinic.name}</p>
        <ul className="mt-1 space-y-0.5 text-base text-slate-700">
          {clinic.phone ? (
            <li>
              <span className="sr-only">Phone: </span>
              <a href={`tel:${clinic.phone.replace(/[^+\d]/g, "")}`} className="font-medium text-brand-800 underline underline-offset-2">
                {clinic.phone}
              </a>
            </li>
          ) : null}
          {clinic.email ? (
            <li className="break-words">
              <span className="sr-only">Email: </span>
              <a href={`mailto:${clinic.email}`} className="text-brand-800 underline underline-offset-2">
                {clinic.email}
              </a>
            </li>
          ) : null}
          {clinic.address ? <li>{clinic.address}</li> : null}
        </ul>
      </div>
    </div>
  );
}

export function PatientPageTitle({ snapshot }: { snapshot: PlanSnapshot }) {
  return (
    <div>
      <h1 className="text-3xl font-bold leading-tight tracking-tight text-slate-900 sm:text-4xl">{snapshot.title}</h1>
      <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-slate-700">
        <dt className="font-medium">For</dt>
        <dd>{snapshot.patient.displayName}</dd>
        <dt className="font-medium">From</dt>
        <dd>{snapshot.clinician.name}</dd>
        {snapshot.startDate ? (
          <>
            <dt className="font-medium">Start</dt>
            <dd>{formatDate(snapshot.startDate)}</dd>
          </>
        ) : null}
        {snapshot.reviewDate ? (
          <>
            <dt className="font-medium">Review</dt>
            <dd>{formatDate(snapshot.reviewDate)}</dd>
          </>
        ) : null}
      </dl>
      <p className="mt-3 text-slate-700">
        Updated on <time dateTime={snapshot.issuedAt}>{issuedFormat.format(new Date(snapshot.issuedAt))}</time>
        <span className="text-slate-600"> · version {snapshot.version}</span>
      </p>
    </div>
  );
}
