// The embedded default: PGlite (PostgreSQL in WASM) served over the Postgres wire protocol on loopback.
// One process owns the data folder; PGlite has no lock of its own, so a second owner would lose writes.
import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";

export type EmbeddedDatabase = {
  url: string;
  stop: () => Promise<void>;
  /**
   * A gzipped tarball of the data directory, taken while the server runs (PGlite's public
   * dumpDataDir: it waits for the running query and holds the next ones, so the copy is one
   * instant of the files, which PostgreSQL recovers like a crash; npm run backup asks for it).
   */
  dump: () => Promise<Blob>;
};

/**
 * How an app process talks to the embedded database: one connection, unnamed statements (named
 * ones would outlive their connection in the shared session). `oneQueryAtATime` keeps concurrent
 * connections' queries whole; fewer connections still means less waiting on the one session, so
 * `npm start` uses one, and test files run one at a time on it.
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
  const server = new PGLiteSocketServer({ db: oneQueryAtATime(pg), host: "127.0.0.1", port: options.port ?? 0, maxConnections: 32 });
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
    dump: async () => {
      await pg.exec("checkpoint");
      return pg.dumpDataDir("gzip");
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

/**
 * PGlite behind pglite-socket is one session shared by every connection, and the socket server
 * passes each protocol message to it as it arrives, switching connections between any two
 * messages unless a transaction is open. A query in the extended protocol is several messages
 * (parse, bind, describe, execute, sync), and postgres.js sends an unprepared query with
 * parameters in two round trips on the unnamed statement (parse and describe; then bind and
 * execute). Another connection's messages in between break it: "portal "" does not exist",
 * "bind message supplies 3 parameters, but prepared statement "" requires 4".
 *
 * The server keeps serving one connection while the session says it is in a transaction. This
 * view of the session says so also while that connection's query is unfinished: from its first
 * message to the sync that ends it, and from the sync after describing an unnamed statement to the
 * sync after executing it.
 */
export function oneQueryAtATime(pg: PGlite): PGlite {
  let open = false;
  let awaitingBind = false;
  let cycle = { parsedUnnamed: false, describedStatement: false, executed: false };
  const track = (message: Uint8Array) => {
    const type = String.fromCharCode(message[0]);
    if (type === "P") cycle.parsedUnnamed ||= message[5] === 0; // the statement name is empty
    else if (type === "D") cycle.describedStatement ||= message[5] === 0x53; // 'S': a statement
    else if (type === "E") cycle.executed = true;
    if (type === "S") {
      awaitingBind = (awaitingBind || (cycle.parsedUnnamed && cycle.describedStatement)) && !cycle.executed;
      open = awaitingBind;
      cycle = { parsedUnnamed: false, describedStatement: false, executed: false };
    } else if (type === "X") {
      open = awaitingBind = false;
    } else if ("PBDEHCF".includes(type)) {
      open = true;
    }
  };
  return new Proxy(pg, {
    get(target, property) {
      switch (property) {
        case "isInTransaction":
          return () => target.isInTransaction() || open;
        case "execProtocolRawStream":
          return (message: Uint8Array, options: Parameters<PGlite["execProtocolRawStream"]>[1]) => {
            track(message);
            return target.execProtocolRawStream(message, options);
          };
        case "exec":
          // The server's ROLLBACK for a connection that left mid-way: whatever it had open ends.
          return (...args: Parameters<PGlite["exec"]>) => {
            open = awaitingBind = false;
            return target.exec(...args);
          };
      }
      const value = Reflect.get(target, property, target);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}
