// Seeds the built-in catalogue (always) and the demo clinic (on request). Running it twice adds nothing.
// `npm start`, `npm run seed` and the test setup call it.
import { createClient } from "@/db/client";
import { ensureDemoAccount } from "@/lib/auth/accounts";
import { syncBuiltInCatalogue } from "@/lib/catalogue/sync";

export async function seedDatabase(url: string, options: { demo: boolean }) {
  const { sql, db } = createClient(url, { max: 1 });
  try {
    await syncBuiltInCatalogue(db);
    if (options.demo) await ensureDemoAccount(db);
  } finally {
    await sql.end({ timeout: 5 });
  }
}
