"use client";
// "Log today's session": a plain form POST to /p/<token>/log, so it works before (or without)
// JavaScript; with JavaScript it stays on the page, shows the answer in place and refreshes the
// history. A double submit carries the same client key and is stored once.
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";

const painWords: Record<number, string> = { 0: "no pain", 5: "moderate", 10: "worst imaginable" };
const commentMaxLength = 500;

type Item = { position: number; name: string };
type Result = { ok: boolean; message: string; fieldErrors?: Record<string, string[]>; clientKey?: string };

export function SessionLogForm({
  actionUrl,
  items,
  clientKey,
  initialResult,
}: {
  actionUrl: string;
  items: Item[];
  clientKey: string;
  /** The outcome of a submit made without JavaScript (read from `?log=` by the page). */
  initialResult: Result | null;
}) {
  const router = useRouter();
  const [result, setResult] = useState<Result | null>(initialResult);
  const [key, setKey] = useState(clientKey);
  const [pending, startTransition] = useTransition();
  const state = { ok: result?.ok ?? false, message: result?.message, fieldErrors: result?.fieldErrors };
  const painError = state.fieldErrors?.pain?.[0];
  const commentError = state.fieldErrors?.comment?.[0];

  function submit(form: HTMLFormElement) {
    const body = new FormData(form);
    startTransition(async () => {
      try {
        const response = await fetch(actionUrl, { method: "POST", body, headers: { Accept: "application/json" } });
        const answer = (await response.json()) as Result;
        setResult(answer);
        if (answer.ok) {
          if (answer.clientKey) setKey(answer.clientKey);
          form.reset();
          router.refresh();
        }
      } catch {
        setResult({ ok: false, message: "Your session could not be saved: check your internet connection and try again." });
      }
    });
  }

  return (
    <form
      action={actionUrl}
      method="post"
      onSubmit={(event) => {
        event.preventDefault();
        submit(event.currentTarget);
      }}
      className="space-y-6"
      aria-describedby={state.message ? "log-status" : undefined}
    >
      <input type="hidden" name="clientKey" value={key} />

      <div aria-live="polite" id="log-status">
        {state.message ? (
          <p
            role={state.ok ? "status" : "alert"}
            className={`rounded-xl px-4 py-3 font-semibold ${state.ok ? "border-2 border-emerald-700 bg-emerald-50 text-emerald-900" : "border-2 border-red-700 bg-red-50 text-red-900"}`}
          >
            {state.ok ? <span aria-hidden="true">✓ </span> : null}
            {state.message}
          </p>
        ) : null}
      </div>

      <fieldset>
        <legend className="text-lg font-semibold text-slate-900">Which exercises did you do?</legend>
        <ul className="mt-3 space-y-2">
          {items.map((item) => (
            <li key={item.position}>
              <label className="flex min-h-12 cursor-pointer items-center gap-3 rounded-xl border border-slate-300 bg-white px-3 py-2 has-checked:border-brand-700 has-checked:bg-brand-50">
                <input
                  type="checkbox"
                  name="done"
                  value={item.position}
                  className="h-6 w-6 shrink-0 accent-brand-700"
                />
                <span>
                  {item.position + 1}. {item.name}
                </span>
              </label>
            </li>
          ))}
        </ul>
      </fieldset>

      <fieldset aria-describedby={painError ? "pain-error" : "pain-hint"}>
        <legend className="text-lg font-semibold text-slate-900">How much pain did you have?</legend>
        <p id="pain-hint" className="mt-1 text-slate-700">
          0 means no pain, 10 the worst pain you can imagine.
        </p>
        <div className="mt-3 grid grid-cols-6 gap-2 sm:grid-cols-11">
          {Array.from({ length: 11 }, (_, pain) => (
            <label
              key={pain}
              className="flex min-h-12 cursor-pointer flex-col items-center justify-center rounded-xl border-2 border-slate-300 bg-white text-xl font-bold text-slate-900 has-checked:border-brand-800 has-checked:bg-brand-700 has-checked:text-white has-focus-visible:outline-3 has-focus-visible:outline-offset-2 has-focus-visible:outline-brand-600"
            >
              <input type="radio" name="pain" value={pain} required className="sr-only" />
              <span>{pain}</span>
              {painWords[pain] ? <span className="sr-only"> — {painWords[pain]}</span> : null}
            </label>
          ))}
        </div>
        <div aria-hidden="true" className="mt-1 flex justify-between text-sm text-slate-600">
          <span>0 — no pain</span>
          <span>10 — worst imaginable</span>
        </div>
        {painError ? (
          <p id="pain-error" className="mt-2 font-semibold text-red-800">
            {painError}
          </p>
        ) : null}
      </fieldset>

      <div>
        <label htmlFor="comment" className="block text-lg font-semibold text-slate-900">
          Anything to tell your physiotherapist? <span className="font-normal text-slate-600">(optional)</span>
        </label>
        <textarea
          id="comment"
          name="comment"
          rows={3}
          maxLength={commentMaxLength}
          aria-describedby={commentError ? "comment-error comment-hint" : "comment-hint"}
          className="mt-2 block w-full rounded-xl border border-slate-400 bg-white px-3 py-2 text-lg"
        />
        <p id="comment-hint" className="mt-1 text-sm text-slate-600">
          Up to {commentMaxLength} characters.
        </p>
        {commentError ? (
          <p id="comment-error" className="mt-1 font-semibold text-red-800">
            {commentError}
          </p>
        ) : null}
      </div>

      <button
        type="submit"
        disabled={pending}
        className="w-full rounded-xl bg-brand-700 px-5 py-4 text-lg font-bold text-white hover:bg-brand-800 disabled:opacity-70 sm:w-auto"
      >
        {pending ? "Saving…" : "Save today's session"}
      </button>
    </form>
  );
}
