// `npm run bench`: runs every benchmark in scripts/bench/ (each a standalone script that prints a
// Markdown section with its figures and the budget), one after another, so they never share the CPU.
// Usage: npm run bench [-- name …]   e.g. npm run bench -- catalogue-search
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const dir = path.join(import.meta.dirname, "bench");
const wanted = process.argv.slice(2);
const scripts = fs
  .readdirSync(dir)
  .filter((f) => f.endsWith(".ts") && !f.startsWith("_"))
  .filter((f) => wanted.length === 0 || wanted.includes(f.replace(/\.ts$/, "")))
  .sort();

let failed = 0;
for (const script of scripts) {
  console.log(`\n## ${script.replace(/\.ts$/, "")}\n`);
  const result = spawnSync(process.execPath, ["--import", "tsx", path.join(dir, script)], { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  if (result.status !== 0) {
    failed++;
    console.log(`\n${script} FAILED (exit ${result.status}): a budget was missed or the benchmark broke.`);
  }
}
process.exit(failed ? 1 : 0);
