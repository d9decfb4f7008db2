import fs from "node:fs";
import { chromium, defineConfig } from "@playwright/test";

// Prefer a Playwright-managed Chromium (an ordinary laptop); fall back to Debian's (this machine, CI).
function chromiumPath(): string | undefined {
  try {
    const managed = chromium.executablePath();
    if (managed && fs.existsSync(managed)) return undefined;
  } catch {}
  return fs.existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined;
}

export const e2ePort = Number(process.env.E2E_PORT ?? 3100);
/** The app under test sends email here; e2e/mail-server.ts listens on it while a spec reads mail. */
export const e2eSmtpPort = Number(process.env.E2E_SMTP_PORT ?? 2525);

export default defineConfig({
  testDir: "e2e",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  workers: 2,
  retries: 0,
  reporter: [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${e2ePort}`,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: chromiumPath(),
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
      ],
    },
  },
  projects: [{ name: "chromium", use: { browserName: "chromium" } }],
  webServer: {
    command: "npx tsx scripts/start.ts",
    url: `http://127.0.0.1:${e2ePort}/api/health`,
    timeout: 240_000,
    reuseExistingServer: false,
    // start.ts stops Next (its own process group) and the database on SIGTERM.
    gracefulShutdown: { signal: "SIGTERM", timeout: 15_000 },
    stdout: "pipe",
    stderr: "pipe",
    env: {
      PORT: String(e2ePort),
      SEED_DEMO: "true",
      SMTP_URL: `smtp://127.0.0.1:${e2eSmtpPort}`,
      MAIL_FROM: "Physioplan test <no-reply@physioplan.test>",
      NEXTAUTH_SECRET: "e2e-secret-e2e-secret-e2e-secret-0000000",
      // The one public origin (links, QR codes); a production server on a real database needs it.
      PUBLIC_URL: `http://127.0.0.1:${e2ePort}`,
      ...(process.env.E2E_DATABASE_URL ? { DATABASE_URL: process.env.E2E_DATABASE_URL } : {}),
    },
  },
});
