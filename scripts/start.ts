// `npm start`: with no DATABASE_URL, serves the embedded PGlite database on loopback; migrates, seeds,
// builds when the build is stale, then starts Next pointed at the database. Ctrl-C stops everything.
import { type ChildProcess, spawn } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { embeddedClientEnv, startEmbeddedDatabase, type EmbeddedDatabase } from "@/db/embedded";
import { migrateDatabase } from "@/db/migrate";
import { demoAccount } from "@/lib/auth/accounts";
import { EnvError, parseEnv, toolEnv, type ToolEnv } from "@/lib/env";
import { buildIsCurrent, buildNext } from "./lib/next-build";
import { writePatientCss } from "./lib/patient-css";
import { answerBackupRequest } from "./lib/backup-request";
import { seedDatabase } from "@/lib/seed";

const root = path.resolve(import.meta.dirname, "..");
const dev = process.argv.includes("--dev");

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

function embeddedSecret(dataDir: string): string {
  const file = path.join(dataDir, "nextauth-secret");
  if (!fs.existsSync(file)) fs.writeFileSync(file, crypto.randomBytes(32).toString("base64url"), { mode: 0o600 });
  return fs.readFileSync(file, "utf8").trim();
}

async function waitForHealth(url: string, child: ChildProcess, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error("Next exited before it was ready");
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`Next did not answer ${url} within ${timeoutMs / 1000} s`);
}

/** Where to reach a server listening on `host` from this machine. */
function probeHost(host: string): string {
  if (host === "0.0.0.0" || host === "::" || host === "[::]") return "127.0.0.1";
  return host.includes(":") && !host.startsWith("[") ? `[${host}]` : host;
}

async function main() {
  let settings: ToolEnv;
  try {
    settings = toolEnv();
  } catch (error) {
    if (error instanceof EnvError) fail(error.message);
    throw error;
  }
  const port = settings.PORT;
  const dataDir = path.resolve(root, settings.PHYSIOPLAN_DATA_DIR);
  const embedded = !settings.DATABASE_URL;

  // `next dev` compiles the app's own CSS; the patient page's stylesheet is compiled here.
  if (dev) await writePatientCss();
  if (!dev && !buildIsCurrent()) {
    console.log("Building Physioplan (first start, or the sources changed)…");
    await buildNext();
  }

  let database: EmbeddedDatabase | undefined;
  const env: NodeJS.ProcessEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
  if (embedded) {
    fs.mkdirSync(dataDir, { recursive: true });
    env.NEXTAUTH_SECRET ??= embeddedSecret(dataDir);
    database = await startEmbeddedDatabase({ dataDir, port: settings.PGLITE_PORT ?? 0 });
    env.DATABASE_URL = database.url;
    Object.assign(env, embeddedClientEnv);
    // One machine, one address: links and QR codes point at this server unless told otherwise.
    env.PUBLIC_URL ??= env.NEXTAUTH_URL ?? `http://localhost:${port}`;
  }
  if (!env.NEXTAUTH_URL) env.AUTH_TRUST_HOST = "true";

  let config;
  try {
    // `next start` runs in production mode: a real database needs PUBLIC_URL (lib/env.ts).
    config = parseEnv({ ...env, NODE_ENV: dev ? "development" : "production" });
  } catch (error) {
    await database?.stop();
    if (error instanceof EnvError) fail(error.message);
    throw error;
  }

  await migrateDatabase(config.DATABASE_URL);
  const seedDemo = embedded || settings.SEED_DEMO === "true";
  await seedDatabase(config.DATABASE_URL, { demo: seedDemo });

  const next = spawn(
    process.execPath,
    // Next behind a thin Node server that tells the app each request's socket address
    // (scripts/serve.mjs), on loopback unless HOST says otherwise: the demo's published password
    // must not be reachable from the network by default.
    [path.join(root, "scripts/serve.mjs"), ...(dev ? ["--dev"] : [])],
    { cwd: root, env: { ...env, PORT: String(port), HOST: config.HOST }, stdio: "inherit", detached: true },
  );

  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    if (next.exitCode === null && next.pid) {
      // Next may fork workers: signal the whole group so the port is freed.
      try {
        process.kill(-next.pid, "SIGTERM");
      } catch {}
      const killer = setTimeout(() => {
        try {
          process.kill(-next.pid!, "SIGKILL");
        } catch {}
      }, 8_000);
      await new Promise((resolve) => (next.exitCode !== null ? resolve(null) : next.once("exit", resolve)));
      clearTimeout(killer);
    }
    await database?.stop();
    process.exit(code);
  };
  // `npm run backup` of the embedded database while the app runs: it writes what it wants into the
  // data folder and sends SIGUSR2; this process owns the database, so it makes the dump.
  if (database) process.on("SIGUSR2", () => void answerBackupRequest(dataDir, database!));
  process.on("SIGINT", () => void stop(0));
  process.on("SIGTERM", () => void stop(0));
  next.once("exit", (code) => void stop(code ?? 1));

  await waitForHealth(`http://${probeHost(config.HOST)}:${port}/api/health`, next);
  const lines = [
    `Physioplan is ready: http://localhost:${port}${config.HOST === "127.0.0.1" || config.HOST === "localhost" ? " (this machine only; set HOST=0.0.0.0 to listen on every interface)" : ` (listening on ${config.HOST})`}`, `Database: ${embedded ? `embedded PGlite (data in ${path.relative(root, dataDir) || "."}/)` : "DATABASE_URL"}`];
  if (seedDemo) lines.push(`Demo sign-in: ${demoAccount.email} / ${demoAccount.password}`);
  lines.push("Press Ctrl-C to stop.");
  console.log(`\n${lines.join("\n")}\n`);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
