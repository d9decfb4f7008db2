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
