// Knows whether the production build in .next is older than the sources, and makes a new one
// (the patient page's stylesheet first, then `next build`).
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { patientCssOutput, writePatientCss } from "./patient-css";

const root = path.resolve(import.meta.dirname, "../..");
const sources = ["app", "lib", "db", "proxy.ts", "instrumentation.ts", "instrumentation-client.ts", "instrumentation-node.ts", "next.config.ts", "postcss.config.mjs", "package-lock.json", "tsconfig.json"];

function newestMtime(target: string): number {
  const full = path.join(root, target);
  if (!fs.existsSync(full)) return 0;
  const stat = fs.statSync(full);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of fs.readdirSync(full, { withFileTypes: true })) {
    newest = Math.max(newest, newestMtime(path.join(target, entry.name)));
  }
  return newest;
}

export function buildIsCurrent(): boolean {
  const buildId = path.join(root, ".next", "BUILD_ID");
  if (!fs.existsSync(buildId)) return false;
  const built = fs.statSync(buildId).mtimeMs;
  if (!fs.existsSync(patientCssOutput)) return false;
  return sources.every((source) => newestMtime(source) <= built);
}

/** Runs `next build` without any database in its environment: the build must never open one. */
export async function buildNext(): Promise<void> {
  await writePatientCss();
  const env: NodeJS.ProcessEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
  delete env.DATABASE_URL;
  const result = spawnSync(process.execPath, [path.join(root, "node_modules/next/dist/bin/next"), "build"], {
    cwd: root,
    env,
    stdio: "inherit",
  });
  if (result.status !== 0) throw new Error(`next build failed (exit ${result.status})`);
}
