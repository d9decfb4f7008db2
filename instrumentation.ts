// Runs once when the Next server starts: refuse to serve with a bad configuration.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") await import("./instrumentation-node");
}
