// The embedded default: PGlite (PostgreSQL in WASM) served over the Postgres wire protocol on loopback.
// One process owns the data folder; PGlite has no lock of its own, so a second owner would lose writes.
import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";

export type EmbeddedDatabase = { url: string; stop: () => Promise<void> };

/**
 * How an app process must talk to the embedded database. PGlite is one backend session shared by
 * every socket: an unprepared query with parameters is parsed in one round trip and bound in the
 * next, and another connection's query in between replaces it ("bind message supplies 3
 * parameters, but prepared statement "" requires 4"). One connection per process, unnamed
 * statements (named ones outlive a connection in the shared session), and one such process at a
 * time keep the queries from crossing.
 */
export const embeddedClientEnv = { DATABASE_POOL_MAX: "1", DATABASE_PREPARE: "false" } as const;

export async function startEmbeddedDatabase(options: { dataDir?: string; port?: number } = {}): Promise<EmbeddedDatabase> {
  let lockFile: string | undefined;
  if (options.dataDir) {
    fs.mkdirSync(options.dataDir, { recursive: true });
    lockFile = path.join(options.dataDir, "owner.pid");
    claimDataDir(lockFile);
  }
  const pg = await PGlite.create({
    dataDir: options.dataDir ? path.join(options.dataDir, "pglite") : undefined,
    extensions: { pg_trgm },
  });
  const server = new PGLiteSocketServer({ db: pg, host: "127.0.0.1", port: options.port ?? 0, maxConnections: 32 });
  await server.start();
  const address = server.getServerConn();
  const port = Number(address.split(":").pop());
  return {
    url: `postgres://postgres:postgres@127.0.0.1:${port}/postgres`,
    stop: async () => {
      await server.stop();
      await pg.close();
      if (lockFile) fs.rmSync(lockFile, { force: true });
    },
  };
}

/** Refuses to open a data folder that a live process already serves. */
function claimDataDir(lockFile: string) {
  const pid = Number(fs.existsSync(lockFile) ? fs.readFileSync(lockFile, "utf8") : NaN);
  if (Number.isInteger(pid) && pid !== process.pid && isAlive(pid)) {
    throw new Error(`The embedded database in ${path.dirname(lockFile)} is already in use by process ${pid}. Stop it first.`);
  }
  fs.writeFileSync(lockFile, String(process.pid));
}

function isAlive(pid: number) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
