// `npm run seed`: seeds the database DATABASE_URL names (lib/seed.ts): the catalogue, and the demo
// clinic with SEED_DEMO=true. Running it twice adds nothing.
import { toolEnv } from "@/lib/env";
import { seedDatabase } from "@/lib/seed";

const settings = toolEnv();
const url = settings.DATABASE_URL;
if (!url) {
  console.error("DATABASE_URL is required: npm run seed seeds the database it names.");
  process.exit(1);
}
await seedDatabase(url, { demo: settings.SEED_DEMO === "true" });
console.log("Seeded.");
