"use client";

// What a clinician sees when a clinic page failed to render: what happened, that saved work is
// safe, and two ways on. The reference (Next's digest) matches the server's log line.
import Link from "next/link";
import { useEffect } from "react";
import { Button, buttonClass } from "@/app/_components/button";

export default function ClinicError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  useEffect(() => {
    console.error(error);
  }, [error]);
  const offline = typeof navigator !== "undefined" && navigator.onLine === false;
  return (
    <div className="mx-auto max-w-xl space-y-4 py-12" role="alert">
      <h1 className="text-2xl font-semibold tracking-tight">{offline ? "You are offline" : "This page could not be shown"}</h1>
      <p className="text-slate-700">
        {offline
          ? "Reconnect, then try again. Anything you saved before is safe."
          : "The server ran into an error while preparing this page. Anything you saved before is safe. Try again in a moment; if it keeps happening, tell your administrator."}
      </p>
      {error.digest ? <p className="text-sm text-slate-600">Reference for your administrator: {error.digest}</p> : null}
      <div className="flex flex-wrap gap-3">
        <Button variant="primary" size="sm" onClick={reset}>
          Try again
        </Button>
        <Link href="/dashboard" className={buttonClass({ size: "sm" })}>
          Go to the dashboard
        </Link>
      </div>
    </div>
  );
}
