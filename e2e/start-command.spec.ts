// Starts the app exactly as the README does (`npm start`, no DATABASE_URL) and signs in with the demo account.
import { spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { demo, expect, test } from "./fixtures";

const port = 3210;

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

test("npm start with no DATABASE_URL serves the embedded database, signs in, and stops cleanly", async ({ page }) => {
  test.setTimeout(300_000);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "physioplan-start-"));
  const env = { ...process.env, PORT: String(port), PHYSIOPLAN_DATA_DIR: dataDir };
  delete env.DATABASE_URL;
  delete env.NEXTAUTH_SECRET;
  const app = spawn("npm", ["start"], { env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  app.stdout.on("data", (chunk) => (output += chunk));
  app.stderr.on("data", (chunk) => (output += chunk));
  try {
    await expect.poll(() => output, { timeout: 240_000, intervals: [500] }).toContain("Physioplan is ready");
    expect(output).toContain(`http://localhost:${port}`);
    expect(output).toContain(`${demo.email} / ${demo.password}`);

    await page.goto(`http://localhost:${port}/sign-in`);
    await page.getByLabel("Email").fill(demo.email);
    await page.getByLabel("Password").fill(demo.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();
    expect(fs.existsSync(path.join(dataDir, "pglite"))).toBe(true);
  } finally {
    // Ctrl-C in a terminal signals the whole foreground group.
    process.kill(-app.pid!, "SIGINT");
    await new Promise((resolve) => (app.exitCode !== null ? resolve(null) : app.once("exit", resolve)));
  }
  await expect.poll(() => portIsFree(port), { timeout: 15_000 }).toBe(true);
  fs.rmSync(dataDir, { recursive: true, force: true });
});
