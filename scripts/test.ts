// `npm test`: type check, lint, unit and integration tests, production build, end-to-end tests.
// Integration and end-to-end tests each get a fresh database on DATABASE_URL's server (dropped
// afterwards), or the embedded PGlite when no DATABASE_URL is given.
import { spawn } from "node:child_process";
import path from "node:path";
import { createScratchDatabase } from "@/db/testing/scratch-database";
import { embeddedClientEnv, startEmbeddedDatabase } from "@/db/embedded";
import { buildIsCurrent, buildNext } from "./lib/next-build";

const root = path.resolve(import.meta.dirname, "..");
const bin = (name: string) => path.join(root, "node_modules", ".bin", name);

/**
 * Runs one step to its end. Asynchronously: the embedded database of the end-to-end step is
 * served from this process, which must stay free to answer it while the step runs.
 */
async function step(title: string, command: string, args: string[], env: NodeJS.ProcessEnv = process.env) {
  const started = Date.now();
  console.log(`\n=== ${title}`);
  const child = spawn(command, args, { cwd: root, env, stdio: "inherit" });
  const status = await new Promise<number | null>((resolve, reject) => {
    child.once("error", reject);
    child.once("exit", (code) => resolve(code));
  });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (status !== 0) throw new Error(`${title} FAILED after ${seconds} s`);
  console.log(`=== ${title} passed in ${seconds} s`);
}

// `--only=e2e` or `--only=unit` runs one part; other arguments go to Playwright (e.g. a spec file).
const only = process.argv.find((a) => a.startsWith("--only="))?.slice("--only=".length);
const playwrightArgs = process.argv.slice(2).filter((a) => !a.startsWith("--only="));

async function main() {
  process.env.NEXT_TELEMETRY_DISABLED = "1";
  if (only !== "e2e") {
    await step("Type check", bin("tsc"), ["--noEmit", "-p", "."]);
    await step("Lint", bin("eslint"), ["--max-warnings=0", "."]);
  }
  // Built before the integration tests too: the fault test (scripts/faults.test.ts) runs `next start`.
  if (only !== "unit" && !buildIsCurrent()) {
    console.log("\n=== Production build");
    await buildNext();
  }
  if (only !== "e2e") await step("Unit and integration tests", bin("vitest"), ["run"]);
  if (only === "unit") return;

  const serverUrl = process.env.DATABASE_URL;
  const scratch = serverUrl ? await createScratchDatabase(serverUrl, "physioplan_e2e") : undefined;
  const embedded = serverUrl ? undefined : await startEmbeddedDatabase();
  const url = scratch?.url ?? embedded!.url;
  try {
    // The app server started by Playwright inherits this environment, and so the embedded
    // database's client settings when the run uses it.
    const clientEnv = embedded ? embeddedClientEnv : {};
    await step("End-to-end tests", bin("playwright"), ["test", ...playwrightArgs], { ...process.env, ...clientEnv, E2E_DATABASE_URL: url });
  } finally {
    await scratch?.drop();
    await embedded?.stop();
  }
  console.log("\nAll checks passed.");
}

main().catch((error) => {
  console.error(`\n=== ${error instanceof Error ? error.message : error}`);
  process.exit(1);
});
