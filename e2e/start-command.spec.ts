// Starts the app exactly as the README does (`npm start`, no DATABASE_URL), signs in with the demo
// account, stops it with Ctrl-C, starts it again on the same data, and checks what the data holds.
import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";
import { demo, expect, test } from "./fixtures";

const port = 3210;
const databasePort = 5499;

function portIsFree(p: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(p, "127.0.0.1");
    socket.once("connect", () => {
      socket.destroy();
      resolve(false);
    });
    socket.once("error", () => resolve(true));
  });
}

async function startApp(dataDir: string) {
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), PHYSIOPLAN_DATA_DIR: dataDir, PGLITE_PORT: String(databasePort) };
  delete env.DATABASE_URL;
  delete env.NEXTAUTH_SECRET;
  const app = spawn("npm", ["start"], { env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  const log = { text: "" };
  app.stdout.on("data", (chunk) => (log.text += chunk));
  app.stderr.on("data", (chunk) => (log.text += chunk));
  await expect.poll(() => log.text, { timeout: 240_000, intervals: [500] }).toContain("Physioplan is ready");
  return { app, log };
}

/** Ctrl-C in a terminal signals the whole foreground group. */
async function stopApp(app: ChildProcess) {
  process.kill(-app.pid!, "SIGINT");
  await new Promise((resolve) => (app.exitCode !== null ? resolve(null) : app.once("exit", resolve)));
  await expect.poll(() => portIsFree(port), { timeout: 15_000 }).toBe(true);
  await expect.poll(() => portIsFree(databasePort), { timeout: 15_000 }).toBe(true);
}

test("npm start with no DATABASE_URL serves the embedded database, signs in, stops cleanly and keeps its data", async ({ page }) => {
  test.setTimeout(400_000);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "physioplan-start-"));
  const databaseUrl = `postgres://postgres:postgres@127.0.0.1:${databasePort}/postgres`;
  try {
    const first = await startApp(dataDir);
    try {
      expect(first.log.text).toContain(`http://localhost:${port}`);
      expect(first.log.text).toContain(`${demo.email} / ${demo.password}`);
      await page.goto(`http://localhost:${port}/sign-in`);
      await page.getByLabel("Email").fill(demo.email);
      await page.getByLabel("Password").fill(demo.password);
      await page.getByRole("button", { name: "Sign in" }).click();
      await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();
      // The published password is called out on every clinic page until it is changed.
      await expect(page.getByRole("region", { name: "Security warning" })).toContainText("still uses the published demo password");
      // Loopback only by default.
      expect(first.log.text).toContain("this machine only");
      // Concurrent requests share the one embedded backend without tripping over each other.
      const statuses = await Promise.all(
        ["/dashboard", "/exercises?q=knee", "/patients", "/dashboard", "/exercises", "/templates", "/api/health", "/dashboard"].map(
          async (url) => (await page.request.get(`http://localhost:${port}${url}`)).status(),
        ),
      );
      expect(statuses).toEqual(statuses.map(() => 200));
      const sql = postgres(databaseUrl, { max: 1 });
      await sql`insert into clinics (name) values ('Kept across restarts')`;
      await sql.end();
    } finally {
      await stopApp(first.app);
    }

    const second = await startApp(dataDir);
    try {
      const sql = postgres(databaseUrl, { max: 1 });
      const [counts] = await sql`select
        (select count(*)::int from users where email = ${demo.email}) as demo_users,
        (select count(*)::int from clinics where name = 'Riverside Physiotherapy') as demo_clinics,
        (select count(*)::int from clinics where name = 'Kept across restarts') as kept,
        (select count(*)::int from exercises where clinic_id is null) as exercises`;
      await sql.end();
      expect(counts).toEqual({ demo_users: 1, demo_clinics: 1, kept: 1, exercises: expect.any(Number) });
      expect(counts.exercises).toBeGreaterThanOrEqual(63);
      await page.goto(`http://localhost:${port}/dashboard`);
      await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();
    } finally {
      await stopApp(second.app);
    }
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});
