// At server start (instrumentation-node.ts): on a database with no clinic, store a new set-up code's
// hash and print the code, with where to use it. Nothing is printed once a clinic exists.
import { count } from "drizzle-orm";
import { db } from "@/db/client";
import { clinics, setupCodes } from "@/db/schema";
import { publicUrl } from "@/lib/env";
import { hashSetupCode, newSetupCode } from "./code";

export async function announceSetupCode(): Promise<void> {
  try {
    const [row] = await db.select({ n: count() }).from(clinics);
    if ((row?.n ?? 0) > 0) return;
    const code = newSetupCode();
    await db.insert(setupCodes).values({ codeHash: hashSetupCode(code) });
    const url = `${publicUrl().replace(/\/$/, "")}/setup`;
    console.log(
      [
        "",
        "Physioplan has no clinic yet. To set it up, open",
        `    ${url}`,
        "and enter this set-up code:",
        `    Set-up code: ${code}`,
        "(A new code is printed at every start until the clinic exists; the database keeps only its hash.)",
        "",
      ].join("\n"),
    );
  } catch (error) {
    // The database is not migrated or not reachable yet: the pages say so; try again at the next start.
    console.error(`Could not check for first-run set-up: ${error instanceof Error ? error.message : String(error)}`);
  }
}
