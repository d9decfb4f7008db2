// `npm run backup [-- --out FILE]`: a consistent backup of the app's database.
//  - DATABASE_URL set: pg_dump's custom format (default backups/physioplan-<time>.pgdump).
//  - embedded database: a gzipped tarball of its data folder (default backups/physioplan-<time>.tar.gz),
//    made by the running `npm start` process when the app runs, or directly when it does not.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { toolEnv } from "@/lib/env";
import { dumpPglite, dumpPostgres } from "./lib/backup";
import { requestFile, resultFile, type BackupResult } from "./lib/backup-request";

const root = path.resolve(import.meta.dirname, "..");

function argument(name: string): string | undefined {
  const at = process.argv.indexOf(name);
  if (at >= 0) return process.argv[at + 1];
  return process.argv.find((a) => a.startsWith(`${name}=`))?.slice(name.length + 1);
}

function livePid(dataDir: string): number | null {
  const lock = path.join(dataDir, "owner.pid");
  const pid = Number(fs.existsSync(lock) ? fs.readFileSync(lock, "utf8") : NaN);
  if (!Number.isInteger(pid)) return null;
  try {
    process.kill(pid, 0);
    return pid;
  } catch {
    return null;
  }
}

async function askRunningApp(dataDir: string, pid: number, file: string): Promise<void> {
  const id = crypto.randomUUID();
  fs.rmSync(resultFile(dataDir), { force: true });
  fs.writeFileSync(requestFile(dataDir), JSON.stringify({ id, file }));
  process.kill(pid, "SIGUSR2");
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    if (!fs.existsSync(resultFile(dataDir))) continue;
    const result = JSON.parse(fs.readFileSync(resultFile(dataDir), "utf8")) as BackupResult;
    if (result.id !== id) continue;
    fs.rmSync(requestFile(dataDir), { force: true });
    if (!result.ok) throw new Error(`The running app could not write the backup: ${result.error}`);
    return;
  }
  throw new Error(`The running app (process ${pid}) did not answer the backup request within 2 minutes`);
}

async function main() {
  const stamp = new Date().toISOString().replace(/[:.]/g, "-");
  const settings = toolEnv();
  const url = settings.DATABASE_URL;
  const file = path.resolve(argument("--out") ?? path.join(root, "backups", `physioplan-${stamp}.${url ? "pgdump" : "tar.gz"}`));
  if (url) {
    dumpPostgres(url, file);
  } else {
    const dataDir = path.resolve(root, settings.PHYSIOPLAN_DATA_DIR);
    if (!fs.existsSync(path.join(dataDir, "pglite"))) throw new Error(`No embedded database in ${dataDir}: nothing to back up`);
    const pid = livePid(dataDir);
    if (pid) await askRunningApp(dataDir, pid, file);
    else await dumpPglite(dataDir, file);
  }
  console.log(`Backup written: ${file} (${fs.statSync(file).size.toLocaleString("en-GB")} bytes)`);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
