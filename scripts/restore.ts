// `npm run restore -- FILE`: loads a backup made by `npm run backup` into an EMPTY database.
//  - a .pgdump into DATABASE_URL (pg_restore, one transaction; refused unless the database is empty);
//  - a .tar.gz into the embedded data folder (PHYSIOPLAN_DATA_DIR, default .data; refused unless it holds no database).
import path from "node:path";
import { toolEnv } from "@/lib/env";
import { isPgliteArchive, restorePglite, restorePostgres } from "./lib/backup";

const root = path.resolve(import.meta.dirname, "..");

async function main() {
  const file = process.argv.slice(2).find((a) => !a.startsWith("--"));
  if (!file) throw new Error("Usage: npm run restore -- <backup file>");
  const settings = toolEnv();
  const url = settings.DATABASE_URL;
  if (isPgliteArchive(file)) {
    if (url) throw new Error("This is a backup of the embedded database: unset DATABASE_URL to restore it into PHYSIOPLAN_DATA_DIR");
    const dataDir = path.resolve(root, settings.PHYSIOPLAN_DATA_DIR);
    await restorePglite(dataDir, path.resolve(file));
    console.log(`Restored ${file} into ${dataDir}`);
  } else {
    if (!url) throw new Error("Set DATABASE_URL to the empty database to restore this pg_dump backup into");
    await restorePostgres(url, path.resolve(file));
    console.log(`Restored ${file} into DATABASE_URL`);
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
