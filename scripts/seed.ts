// Seeds the built-in catalogue (always) and the demo clinic (on request). Running it twice adds nothing.
import { createClient } from "@/db/client";
import { ensureDemoAccount } from "@/lib/auth/accounts";
import { syncBuiltInCatalogue } from "@/lib/catalogue/sync";
import { toolEnv } from "@/lib/env";

export async function seedDatabase(url: string, options: { demo: boolean }) {
  const { sql, db } = createClient(url, { max: 1 });
  try {
    await syncBuiltInCatalogue(db);
    if (options.demo) await ensureDemoAccount(db);
  } finally {
    await sql.end({ timeout: 5 });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const settings = toolEnv();
  const url = settings.DATABASE_URL;
  if (!url) {
    console.error("DATABASE_URL is required: npm run seed seeds the database it names.");
    process.exit(1);
  }
  await seedDatabase(url, { demo: settings.SEED_DEMO === "true" });
  console.log("Seeded.");
}
