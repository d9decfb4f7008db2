// Faults: the app on its own PostgreSQL cluster (initdb + pg_ctl in a temp dir, on a spare port;
// never the shared server), driven over real HTTP while the database restarts under it. Patients
// are created through the real server action and sessions logged through the patient's form post;
// the cluster is restarted (`pg_ctl restart -m fast`) twice meanwhile. Proves: the app
// recovers by itself, every acknowledged write is in the database, every refused one is absent,
// and a refused one got a clear "try again" answer (a form message or a 503), never a 500.
import { type ChildProcess, execFile, execFileSync, spawn } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createClient } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { hashPassword } from "@/lib/auth/password";
import { fixtureSnapshot } from "@/lib/handout/fixture";
import { ensureShareLink } from "@/lib/sharing/links";
import { buildIsCurrent, buildNext } from "./lib/next-build";
import { seedDatabase } from "@/lib/seed";

const root = path.resolve(import.meta.dirname, "..");
const pgBin = "/usr/lib/postgresql/15/bin";
const hasPostgres = fs.existsSync(path.join(pgBin, "initdb")) && fs.existsSync(path.join(pgBin, "pg_ctl"));
const pgPort = Number(process.env.FAULTS_PG_PORT ?? 5441);
const appPort = Number(process.env.FAULTS_APP_PORT ?? 3411);
const base = `http://127.0.0.1:${appPort}`;
const secret = crypto.randomBytes(32).toString("base64url");

if (!hasPostgres) console.warn(`SKIPPED scripts/faults.test.ts: ${pgBin}/initdb is missing (apt-get install postgresql-15) — the fault test needs its own cluster.`);

let dataDir = "";
let next: ChildProcess | undefined;
let sql: postgres.Sql | undefined;

/** initdb and postgres refuse to run as root: as root, run them as the `postgres` user. */
function pgCommand(command: string, args: string[]): [string, string[]] {
  const asRoot = process.getuid?.() === 0;
  return asRoot ? ["runuser", ["-u", "postgres", "--", path.join(pgBin, command), ...args]] : [path.join(pgBin, command), args];
}
function pg(command: string, args: string[]): string {
  const [file, argv] = pgCommand(command, args);
  return execFileSync(file, argv, { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], timeout: 30_000 });
}
const serverOptions = () => ["-l", path.join(dataDir, "db", "server.log"), "-o", `-p ${pgPort} -k ${path.join(dataDir, "db")} -c listen_addresses=127.0.0.1 -c fsync=off`];
const pgCtl = (...args: string[]) => pg("pg_ctl", ["-D", path.join(dataDir, "db"), "-w", "-t", "20", ...args]);
/** The restart runs beside the requests: it must not block this process's event loop. */
function restartCluster(): Promise<void> {
  const [file, argv] = pgCommand("pg_ctl", ["-D", path.join(dataDir, "db"), "-w", "-t", "20", "restart", "-m", "fast", ...serverOptions()]);
  return new Promise((resolve, reject) => execFile(file, argv, { timeout: 30_000 }, (error) => (error ? reject(error) : resolve())));
}

function stopEverything() {
  if (next?.pid && next.exitCode === null) {
    try {
      process.kill(-next.pid, "SIGKILL");
    } catch {}
  }
  if (dataDir && fs.existsSync(path.join(dataDir, "db", "postmaster.pid"))) {
    try {
      pgCtl("stop", "-m", "immediate");
    } catch {}
  }
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
}
// However the run ends, the private cluster goes with it.
process.once("exit", stopEverything);

async function waitFor(what: string, check: () => Promise<boolean>, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check().catch(() => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${what} did not happen within ${timeoutMs / 1000} s`);
}

/** A tiny cookie jar: next-auth's CSRF and session cookies. */
const cookies = new Map<string, string>();
function keep(response: Response) {
  for (const line of response.headers.getSetCookie()) {
    const [pair] = line.split(";");
    const at = pair.indexOf("=");
    cookies.set(pair.slice(0, at), pair.slice(at + 1));
  }
}
const cookieHeader = () => [...cookies].map(([k, v]) => `${k}=${v}`).join("; ");

async function signIn(email: string, password: string) {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  keep(csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookieHeader() },
    body: new URLSearchParams({ csrfToken, email, password, json: "true", callbackUrl: `${base}/dashboard` }),
    redirect: "manual",
  });
  keep(response);
  if (![...cookies.keys()].some((name) => name.includes("session-token"))) throw new Error(`sign-in failed: ${response.status}`);
}

// React's own encoder for server action arguments: the request is what a browser sends.
const { encodeReply } = createRequire(import.meta.url)("next/dist/compiled/react-server-dom-turbopack/client.node") as {
  encodeReply: (value: unknown) => Promise<string | FormData>;
};

function actionId(file: string, name: string): string {
  const manifest = JSON.parse(fs.readFileSync(path.join(root, ".next/server/server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { filename?: string; exportedName?: string }>;
  };
  const found = Object.entries(manifest.node).find(([, entry]) => entry.filename === file && entry.exportedName === name);
  if (!found) throw new Error(`${name} is not in the build`);
  return found[0];
}

type Outcome = "acknowledged" | "refused";
type Attempt = { key: string; outcome: Outcome; status: number };

/** "New patient" as the form posts it. Acknowledged = the action redirected to the new patient. */
async function createPatientOverHttp(createId: string, clinicianId: string, lastName: string): Promise<Attempt> {
  const form = new FormData();
  for (const [k, v] of Object.entries({ firstName: "Fault", lastName, clinicianId })) form.append(k, v);
  const body = await encodeReply([{ ok: false }, form]);
  const response = await fetch(`${base}/patients/new`, {
    method: "POST",
    headers: { "Next-Action": createId, Origin: base, Accept: "text/x-component", Cookie: cookieHeader(), ...(typeof body === "string" ? { "Content-Type": "text/plain;charset=UTF-8" } : {}) },
    body,
    redirect: "manual",
  });
  const text = await response.text();
  if (response.status >= 500) throw new Error(`patient save answered ${response.status}: ${text.slice(0, 300)}`);
  const redirect = response.headers.get("x-action-redirect") ?? "";
  if (/\/patients\/[0-9a-f-]{36}/.test(redirect)) return { key: lastName, outcome: "acknowledged", status: response.status };
  expect(text, `patient save ${lastName}`).toContain("Please try again in a moment");
  return { key: lastName, outcome: "refused", status: response.status };
}

/** The patient's "log today's session" form post. Acknowledged = 303 back to the page. */
async function logOverHttp(token: string): Promise<Attempt> {
  const clientKey = crypto.randomUUID();
  const response = await fetch(`${base}/p/${token}/log`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ clientKey, pain: "3", done: "0" }),
    redirect: "manual",
  });
  const text = await response.text();
  if (response.status === 303) return { key: clientKey, outcome: "acknowledged", status: 303 };
  expect(response.status, `session log: ${text.slice(0, 200)}`).toBe(503);
  expect(response.headers.get("retry-after")).toBe("5");
  expect(text).toContain("try again");
  return { key: clientKey, outcome: "refused", status: 503 };
}

describe.skipIf(!hasPostgres)("a PostgreSQL restart during saves and session logs", () => {
  const setup = { email: "", password: "", clinicianId: "", tokens: [] as string[], createId: "" };

  beforeAll(async () => {
    // The fault scenario needs the production build; `npm test` makes it before this step.
    if (!buildIsCurrent()) await buildNext();
    setup.createId = actionId("app/(clinic)/patients/actions.ts", "createPatientAction");

    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "physioplan-faults-"));
    fs.chmodSync(dataDir, 0o755);
    const dbDir = path.join(dataDir, "db");
    fs.mkdirSync(dbDir, { mode: 0o700 });
    if (process.getuid?.() === 0) execFileSync("chown", ["postgres:postgres", dbDir]);
    pg("initdb", ["-D", dbDir, "-U", "postgres", "--auth=trust", "--no-sync", "-E", "UTF8"]);
    pgCtl("start", ...serverOptions());
    const url = `postgres://postgres@127.0.0.1:${pgPort}/postgres`;
    await migrateDatabase(url);
    await seedDatabase(url, { demo: false });

    sql = postgres(url, { max: 2, onnotice: () => {} });
    setup.password = "faults-password-long-enough";
    setup.email = `faults-${crypto.randomBytes(3).toString("hex")}@example.test`;
    const [clinic] = await sql`insert into clinics (name) values ('Fault Clinic') returning id`;
    const [user] = await sql`insert into users (clinic_id, email, name, role, password_hash)
      values (${clinic.id}, ${setup.email}, 'Fran Fault', 'admin', ${await hashPassword(setup.password)}) returning id`;
    setup.clinicianId = user.id;
    // Two issued plans with a link each: a link may log 20 sessions an hour.
    process.env.NEXTAUTH_SECRET = secret;
    const actor = { userId: user.id, clinicId: clinic.id, role: "admin" as const, name: "Fran Fault", email: setup.email, clinicName: "Fault Clinic", timeZone: clinic.timeZone };
    const client = createClient(url, { max: 1 });
    for (const title of ["Knee plan", "Back plan"]) {
      const [patient] = await sql`insert into patients (clinic_id, clinician_id, first_name, last_name) values (${clinic.id}, ${user.id}, 'Pat', ${title}) returning id`;
      const [plan] = await sql`insert into plans (clinic_id, patient_id, title, status, latest_version, has_unissued_changes)
        values (${clinic.id}, ${patient.id}, ${title}, 'issued', 1, false) returning id`;
      await sql`insert into plan_versions (clinic_id, plan_id, version, snapshot) values (${clinic.id}, ${plan.id}, 1, ${sql.json(fixtureSnapshot({ planId: plan.id, version: 1, title }) as never)})`;
      const link = await ensureShareLink(actor, { planId: plan.id }, client.db);
      setup.tokens.push(link!.token!);
    }
    await client.sql.end();

    next = spawn(process.execPath, [path.join(root, "node_modules/next/dist/bin/next"), "start", "-p", String(appPort), "-H", "127.0.0.1"], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: url, NEXTAUTH_SECRET: secret, NEXTAUTH_URL: base, PUBLIC_URL: base, DATABASE_POOL_MAX: "4", NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production" },
      stdio: ["ignore", "ignore", "pipe"],
      detached: true,
    });
    await waitFor("the app answering /api/health", async () => (await fetch(`${base}/api/health`)).ok, 30_000);
    await signIn(setup.email, setup.password);
  }, 400_000);

  afterAll(async () => {
    await sql?.end({ timeout: 2 }).catch(() => undefined);
    stopEverything();
  });

  it("loses no acknowledged write, keeps no refused one, says 'try again', and recovers by itself", async () => {
    const started = Date.now();
    const saves: Attempt[] = [];
    const logs: Attempt[] = [];
    let running = true;
    let n = 0;
    // Two restarts keep the whole scenario under a minute even on a busy 2-core machine.
    const restarts = 2;

    const saver = async () => {
      while (running) {
        saves.push(await createPatientOverHttp(setup.createId, setup.clinicianId, `Save-${++n}-${crypto.randomBytes(2).toString("hex")}`));
        await new Promise((resolve) => setTimeout(resolve, 40));
      }
    };
    let logged = 0;
    const logger = async () => {
      while (running) {
        // 20 acknowledged sessions per link an hour: spread over the two links, stop before the limit.
        if (logs.filter((l) => l.outcome === "acknowledged").length >= 36) break;
        logs.push(await logOverHttp(setup.tokens[logged++ % 2]));
        await new Promise((resolve) => setTimeout(resolve, 60));
      }
    };
    const restarter = async () => {
      for (let i = 0; i < restarts; i++) {
        await new Promise((resolve) => setTimeout(resolve, 1000));
        await restartCluster();
      }
      await new Promise((resolve) => setTimeout(resolve, 1000));
      running = false;
    };
    // Warm up: the first request of each route compiles and connects; it is not what is measured.
    saves.push(await createPatientOverHttp(setup.createId, setup.clinicianId, `Warm-${crypto.randomUUID()}`));
    logs.push(await logOverHttp(setup.tokens[logged++ % 2]));
    await Promise.all([saver(), saver(), logger(), restarter()]);

    // Recovered by itself: the next save and log are acknowledged without anyone touching the app.
    await waitFor("a save acknowledged after the restarts", async () => (await createPatientOverHttp(setup.createId, setup.clinicianId, `After-${crypto.randomUUID()}`)).outcome === "acknowledged", 10_000);
    expect((await logOverHttp(setup.tokens[0])).outcome).toBe("acknowledged");

    const refusedSaves = saves.filter((s) => s.outcome === "refused");
    const refusedLogs = logs.filter((l) => l.outcome === "refused");
    console.log(
      `faults: ${saves.length} saves (${refusedSaves.length} refused), ${logs.length} session logs (${refusedLogs.length} refused), ${restarts} restarts, ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
    // The restarts really did refuse some writes, so the checks below are about something.
    expect(refusedSaves.length + refusedLogs.length).toBeGreaterThan(0);
    expect(saves.filter((s) => s.outcome === "acknowledged").length).toBeGreaterThan(0);

    const names = new Set((await sql!`select last_name from patients where first_name = 'Fault'`).map((r) => r.last_name as string));
    for (const save of saves) expect(names.has(save.key), `${save.key} was ${save.outcome}`).toBe(save.outcome === "acknowledged");
    const keys = new Set((await sql!`select client_key from session_logs`).map((r) => r.client_key as string));
    for (const log of logs) expect(keys.has(log.key), `session ${log.key} was ${log.outcome}`).toBe(log.outcome === "acknowledged");
    expect(Date.now() - started).toBeLessThan(60_000);
  }, 60_000);
});
