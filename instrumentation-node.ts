import { EnvError, env } from "./lib/env";

try {
  env();
} catch (error) {
  if (error instanceof EnvError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}

// Start the handout render workers with the server, warmed up (lib/handout/pool.ts), so the first
// handout anyone downloads does not wait for a cold worker. `next build` never runs this.
if (process.env.NODE_ENV === "production") {
  void import("./lib/handout/pool").then(({ warmHandoutPool }) => warmHandoutPool());
}

// First run on a real database with no clinic: print a set-up code for /setup (lib/setup/announce.ts).
// The embedded default seeds the demo clinic before Next starts, so nothing is printed there.
if (env().DATABASE_URL) {
  void import("./lib/setup/announce").then(({ announceSetupCode }) => announceSetupCode());
}
