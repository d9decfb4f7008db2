"use client";

// The last resort: the root layout itself failed. It replaces the whole document, so it brings its
// own <html> and plain styles (the app's stylesheet may be what failed).
export default function GlobalError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="en-GB">
      <body style={{ fontFamily: "system-ui, sans-serif", maxWidth: "36rem", margin: "3rem auto", padding: "0 1rem", color: "#0f172a" }}>
        <main role="alert">
          <h1 style={{ fontSize: "1.5rem" }}>Physioplan could not be shown</h1>
          <p>The server ran into an error. Anything you saved before is safe. Try again in a moment; if it keeps happening, tell your administrator.</p>
          {error.digest ? <p>Reference for your administrator: {error.digest}</p> : null}
          <button type="button" onClick={reset} style={{ padding: "0.5rem 1rem", fontSize: "1rem" }}>
            Try again
          </button>
        </main>
      </body>
    </html>
  );
}
