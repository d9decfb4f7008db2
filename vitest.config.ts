import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname),
      // `server-only` throws outside a React Server Component bundle; tests call lib/ directly.
      "server-only": path.resolve(import.meta.dirname, "db/testing/server-only-stub.ts"),
    },
  },
  test: {
    include: ["lib/**/*.test.ts", "lib/**/*.test.tsx", "db/**/*.test.ts", "scripts/**/*.test.ts", "app/**/*.test.ts"],
    environment: "node",
    globalSetup: ["lib/testing/global-setup.ts"],
    setupFiles: ["db/testing/setup-env.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Test files run in parallel on a real PostgreSQL; the embedded PGlite is one session that
    // serves one client process at a time (db/embedded.ts, `embeddedClientEnv`).
    fileParallelism: Boolean(process.env.DATABASE_URL),
    pool: "forks",
  },
});
