// Backups: pg_dump's custom format of a real PostgreSQL (one consistent snapshot), and for the
// embedded PGlite a tarball of its data directory (PGlite's own dumpDataDir; pg_dump does not
// complete over pglite-socket: measured with pglite-socket 0.2.17, it stalls and writes nothing).
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import postgres from "postgres";

/** A PostgreSQL client program: from PATH, else the newest of Debian's /usr/lib/postgresql/N/bin. */
export function pgTool(name: "pg_dump" | "pg_restore"): string {
  for (const dir of (process.env.PATH ?? "").split(path.delimiter)) {
    const candidate = path.join(dir, name);
    if (dir && fs.existsSync(candidate)) return candidate;
  }
  const debian = "/usr/lib/postgresql";
  const versions = fs.existsSync(debian) ? fs.readdirSync(debian).filter((v) => /^\d+$/.test(v)).sort((a, b) => Number(b) - Number(a)) : [];
  for (const version of versions) {
    const candidate = path.join(debian, version, "bin", name);
    if (fs.existsSync(candidate)) return candidate;
  }
  throw new Error(`${name} was not found: install the PostgreSQL client (apt-get install postgresql-client) or put it on PATH`);
}

/** Writes a pg_dump custom-format dump of `url` to `file`. pg_dump reads one snapshot: the dump is consistent while the app runs. */
export function dumpPostgres(url: string, file: string): void {
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  execFileSync(pgTool("pg_dump"), ["--format=custom", "--no-owner", "--no-privileges", `--file=${file}`, `--dbname=${url}`], { stdio: ["ignore", "inherit", "inherit"] });
}

/** Refuses anything but an empty database: a restore never mixes with existing data. */
export async function assertEmptyDatabase(url: string): Promise<void> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const [row] = await sql`select count(*)::int as n from pg_tables where schemaname not in ('pg_catalog', 'information_schema')`;
    if (row.n > 0) throw new Error(`The database is not empty (${row.n} tables): restore only into a new, empty database`);
  } finally {
    await sql.end({ timeout: 5 });
  }
}

/** Loads a custom-format dump into an empty database, in one transaction: all of it or nothing. */
export async function restorePostgres(url: string, file: string): Promise<void> {
  await assertEmptyDatabase(url);
  execFileSync(pgTool("pg_restore"), ["--no-owner", "--no-privileges", "--exit-on-error", "--single-transaction", `--dbname=${url}`, file], {
    stdio: ["ignore", "inherit", "inherit"],
  });
}

/** The embedded database's files, as PGlite keeps them under the data folder. */
export const pgliteDir = (dataDir: string) => path.join(dataDir, "pglite");

/** A gzipped tarball of an embedded database that no other process has open. */
export async function dumpPglite(dataDir: string, file: string): Promise<void> {
  const pg = await PGlite.create({ dataDir: pgliteDir(dataDir), extensions: { pg_trgm } });
  try {
    await writeBlob(await pg.dumpDataDir("gzip"), file);
  } finally {
    await pg.close();
  }
}

export async function writeBlob(blob: Blob, file: string): Promise<void> {
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const partial = `${file}.partial`;
  fs.writeFileSync(partial, Buffer.from(await blob.arrayBuffer()));
  fs.renameSync(partial, file);
}

/** Creates an embedded database in an empty data folder from a tarball made by `dumpPglite`. */
export async function restorePglite(dataDir: string, file: string): Promise<void> {
  const target = pgliteDir(dataDir);
  if (fs.existsSync(target) && fs.readdirSync(target).length > 0) {
    throw new Error(`${target} already holds a database: restore only into a new, empty data folder (PHYSIOPLAN_DATA_DIR)`);
  }
  fs.mkdirSync(target, { recursive: true });
  const pg = await PGlite.create({ dataDir: target, extensions: { pg_trgm }, loadDataDir: new Blob([fs.readFileSync(file)]) });
  await pg.close();
}

export function isPgliteArchive(file: string): boolean {
  return file.endsWith(".tar.gz") || file.endsWith(".tgz");
}
