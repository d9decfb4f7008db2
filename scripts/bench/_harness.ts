// What the database benchmarks share: each runs itself again under the react-server condition (the
// lib/ modules it times are `server-only`, which resolves to nothing there), on a scratch database of
// its own on DATABASE_URL's server, migrated (and seeded when asked), dropped at the end unless
// BENCH_KEEP is set. `run` returns the exit code: 1 when the budget is missed.
import { spawnSync } from "node:child_process";

export async function benchOnScratchDatabase(options: { file: string; child: string; prefix: string; seed?: boolean }, run: () => Promise<number>): Promise<never> {
  if (!process.env[options.child]) {
    const child = spawnSync(process.execPath, ["--conditions=react-server", "--import", "tsx", options.file], {
      stdio: "inherit",
      env: { ...process.env, [options.child]: "1" },
    });
    process.exit(child.status ?? 1);
  }
  const serverUrl = process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
  const { createScratchDatabase } = await import("@/db/testing/scratch-database");
  const { migrateDatabase } = await import("@/db/migrate");
  const scratch = await createScratchDatabase(serverUrl, options.prefix);
  // lib/ reaches the database through db/client.ts, which reads this on first use.
  process.env.DATABASE_URL = scratch.url;
  let exitCode = 1;
  try {
    await migrateDatabase(scratch.url);
    if (options.seed) await (await import("@/lib/seed")).seedDatabase(scratch.url, { demo: false });
    exitCode = await run();
  } finally {
    const { closeDb } = await import("@/db/client");
    await closeDb();
    if (process.env.BENCH_KEEP) console.log("kept", scratch.url);
    else await scratch.drop();
  }
  process.exit(exitCode);
}

/** A seeded generator (xorshift32), so every run of a bench makes the same data; `pick` draws one item. */
export function seededRandom(seed: number): { random: () => number; pick: <T>(items: readonly T[]) => T } {
  let state = seed;
  const random = () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 0x100000000;
  };
  return { random, pick: (items) => items[Math.floor(random() * items.length)] };
}
