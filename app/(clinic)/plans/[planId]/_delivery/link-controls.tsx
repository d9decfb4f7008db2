"use client";
// The clinician's controls for the patient link. Each is a plain form on a server action, so it
// works before hydration; copying needs JavaScript, and the link stays selectable without it.
import { useState } from "react";
import { Button } from "@/app/_components/button";
import { ButtonForm } from "@/app/_components/button-form";
import { Field, FormStatus, inputClass, typedValue } from "@/app/_components/form-fields";
import { useFormAction } from "@/app/_components/use-form-action";
import type { FormState } from "@/lib/auth/action";
import { createLinkAction, linkCopiedAction, replaceLinkAction, revokeLinkAction, setExpiryAction } from "./delivery-actions";

const initial: FormState = { ok: false };

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
      <Button
        variant="primary"
        size="sm"
        onClick={async () => {
          try {
            await navigator.clipboard.writeText(url);
            setCopied("copied");
            recordCopy(planId);
          } catch {
            setCopied("failed");
          }
        }}
      >
        {copied === "copied" ? "Copied" : "Copy link"}
      </Button>
      <span aria-live="polite" className="sr-only">
        {copied === "copied" ? "Link copied to the clipboard" : copied === "failed" ? "Copying failed: select the link and copy it" : ""}
      </span>
    </div>
  );
}

export function CreateLinkForm({ planId, label }: { planId: string; label: string }) {
  return (
    <ButtonForm action={createLinkAction} fields={{ planId }} variant="primary" size="sm" formClassName="flex flex-col items-start gap-2">
      {label}
    </ButtonForm>
  );
}

export function ExpiryForm({ planId, expiresOn }: { planId: string; expiresOn: string | null }) {
  const [state, formAction, pending] = useFormAction(setExpiryAction, initial);
  const value = typedValue(state, "expiresOn", expiresOn ?? "");
  return (
    <form action={formAction} className="space-y-1">
      <input type="hidden" name="planId" value={planId} />
      <Field
        id="link-expires-on"
        label={
          <>
            Link expires on <span className="font-normal text-slate-600">(optional)</span>
          </>
        }
        errors={state.fieldErrors?.expiresOn}
      >
        {(control) => (
          <div className="flex flex-wrap items-center gap-2">
            <input {...control} name="expiresOn" type="date" defaultValue={value} key={value} className={`${inputClass} max-w-xs`} />
            <Button type="submit" name="intent" value="set" disabled={pending} size="sm">
              Save expiry
            </Button>
            {expiresOn ? (
              <Button type="submit" name="intent" value="clear" disabled={pending} size="sm">
                Remove expiry
              </Button>
            ) : null}
          </div>
        )}
      </Field>
      <FormStatus state={state} fieldsSpeak />
    </form>
  );
}

/** Revoke and replace each ask for a second click, in a <details> that works without JavaScript. */
export function DangerousLinkActions({ planId }: { planId: string }) {
  return (
    <div className="grid gap-3 sm:grid-cols-2">
      <details className="rounded-lg border border-slate-200 p-3">
        <summary className="cursor-pointer text-sm font-medium text-slate-800">Replace link…</summary>
        <p className="mt-2 text-sm text-slate-700">The patient gets a new address; the old link and the QR code on printed handouts stop working at once.</p>
        <ButtonForm action={replaceLinkAction} fields={{ planId }} variant="warning" size="sm" formClassName="mt-2 flex flex-col items-start gap-2">
          Replace with a new link
        </ButtonForm>
      </details>
      <details className="rounded-lg border border-slate-200 p-3">
        <summary className="cursor-pointer text-sm font-medium text-slate-800">Revoke link…</summary>
        <p className="mt-2 text-sm text-slate-700">The link stops working at once. You can create a new one later.</p>
        <ButtonForm action={revokeLinkAction} fields={{ planId }} variant="danger" size="sm" formClassName="mt-2 flex flex-col items-start gap-2">
          Revoke now
        </ButtonForm>
      </details>
    </div>
  );
}
