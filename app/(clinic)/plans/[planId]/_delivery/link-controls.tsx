"use client";
// The clinician's controls for the patient link. Each is a plain form on a server action, so it
// works before hydration; copying needs JavaScript, and the link stays selectable without it.
import { useActionState, useState } from "react";
import type { FormState } from "@/lib/auth/action";
import { createLinkAction, linkCopiedAction, replaceLinkAction, revokeLinkAction, setExpiryAction } from "./delivery-actions";

const initial: FormState = { ok: false };

function Message({ state, id }: { state: FormState; id: string }) {
  if (!state.message) return <div id={id} aria-live="polite" />;
  return (
    <div id={id} aria-live="polite">
      <p role={state.ok ? "status" : "alert"} className={`mt-2 text-sm font-medium ${state.ok ? "text-emerald-800" : "text-red-800"}`}>
        {state.message}
      </p>
    </div>
  );
}

const buttonClass = "rounded-lg border px-3 py-2 text-sm font-medium focus-visible:outline-3 disabled:opacity-60";

/** Tells the server the link was copied (the audit trail records who copied which patient's link). */
function recordCopy(planId: string) {
  const form = new FormData();
  form.set("planId", planId);
  linkCopiedAction({ ok: false }, form).catch(() => {});
}

export function CopyLink({ url, planId }: { url: string; planId: string }) {
  const [copied, setCopied] = useState<"idle" | "copied" | "failed">("idle");
  return (
    <div className="flex flex-col gap-2 sm:flex-row">
      <label htmlFor="patient-link" className="sr-only">
        Patient link
      </label>
      <input
        id="patient-link"
        readOnly
        value={url}
        onFocus={(event) => event.currentTarget.select()}
        onCopy={() => recordCopy(planId)}
        className="min-w-0 flex-1 rounded-lg border border-slate-300 bg-slate-50 px-3 py-2 font-mono text-sm text-slate-800"
      />
      <button
        type="button"
        onClick={async () => {
          try {
            await navigator.clipboard.writeText(url);
            setCopied("copied");
            recordCopy(planId);
          } catch {
            setCopied("failed");
          }
        }}
        className={`${buttonClass} border-brand-700 bg-brand-700 text-white hover:bg-brand-800`}
      >
        {copied === "copied" ? "Copied" : "Copy link"}
      </button>
      <span aria-live="polite" className="sr-only">
        {copied === "copied" ? "Link copied to the clipboard" : copied === "failed" ? "Copying failed: select the link and copy it" : ""}
      </span>
    </div>
  );
}

export function CreateLinkForm({ planId, label }: { planId: string; label: string }) {
  const [state, formAction, pending] = useActionState(createLinkAction, initial);
  return (
    <form action={formAction}>
      <input type="hidden" name="planId" value={planId} />
      <button type="submit" disabled={pending} className={`${buttonClass} border-brand-700 bg-brand-700 text-white hover:bg-brand-800`}>
        {label}
      </button>
      <Message state={state} id="create-link-status" />
    </form>
  );
}

export function ExpiryForm({ planId, expiresOn }: { planId: string; expiresOn: string | null }) {
  const [state, formAction, pending] = useActionState(setExpiryAction, initial);
  const value = typeof state.values?.expiresOn === "string" ? state.values.expiresOn : (expiresOn ?? "");
  const error = state.fieldErrors?.expiresOn?.[0];
  return (
    <form action={formAction} className="space-y-1">
      <input type="hidden" name="planId" value={planId} />
      <label htmlFor="link-expires-on" className="block text-sm font-medium text-slate-800">
        Link expires on <span className="font-normal text-slate-600">(optional)</span>
      </label>
      <div className="flex flex-wrap items-center gap-2">
        <input
          id="link-expires-on"
          name="expiresOn"
          type="date"
          defaultValue={value}
          key={value}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? "link-expiry-error" : undefined}
          className="rounded-lg border border-slate-300 px-3 py-2 text-sm"
        />
        <button type="submit" name="intent" value="set" disabled={pending} className={`${buttonClass} border-slate-300 bg-white text-slate-800 hover:bg-slate-50`}>
          Save expiry
        </button>
        {expiresOn ? (
          <button type="submit" name="intent" value="clear" disabled={pending} className={`${buttonClass} border-slate-300 bg-white text-slate-800 hover:bg-slate-50`}>
            Remove expiry
          </button>
        ) : null}
      </div>
      {error ? (
        <p id="link-expiry-error" className="text-sm font-medium text-red-800">
          {error}
        </p>
      ) : null}
      <Message state={state} id="link-expiry-status" />
    </form>
  );
}

/** Revoke and replace each ask for a second click, in a <details> that works without JavaScript. */
export function DangerousLinkActions({ planId }: { planId: string }) {
  const [revokeState, revokeAction, revoking] = useActionState(revokeLinkAction, initial);
  const [replaceState, replaceAction, replacing] = useActionState(replaceLinkAction, initial);
  return (
    <div className="grid gap-3 sm:grid-cols-2">
      <details className="rounded-lg border border-slate-200 p-3">
        <summary className="cursor-pointer text-sm font-medium text-slate-800">Replace link…</summary>
        <form action={replaceAction} className="mt-2 space-y-2">
          <input type="hidden" name="planId" value={planId} />
          <p className="text-sm text-slate-700">The patient gets a new address; the old link and the QR code on printed handouts stop working at once.</p>
          <button type="submit" disabled={replacing} className={`${buttonClass} border-amber-700 bg-white text-amber-900 hover:bg-amber-50`}>
            Replace with a new link
          </button>
          <Message state={replaceState} id="replace-link-status" />
        </form>
      </details>
      <details className="rounded-lg border border-slate-200 p-3">
        <summary className="cursor-pointer text-sm font-medium text-slate-800">Revoke link…</summary>
        <form action={revokeAction} className="mt-2 space-y-2">
          <input type="hidden" name="planId" value={planId} />
          <p className="text-sm text-slate-700">The link stops working at once. You can create a new one later.</p>
          <button type="submit" disabled={revoking} className={`${buttonClass} border-red-700 bg-white text-red-800 hover:bg-red-50`}>
            Revoke now
          </button>
          <Message state={revokeState} id="revoke-link-status" />
        </form>
      </details>
    </div>
  );
}
