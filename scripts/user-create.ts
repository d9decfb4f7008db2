// `npm run user:create -- --clinic "…" --email … --name … [--password …]`: a clinic admin on any database.
import { parseArgs } from "node:util";
import { createClient } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { createClinicAdmin } from "@/lib/auth/accounts";
import { generatePassword } from "@/lib/auth/password";
import { toolEnv } from "@/lib/env";
import { UserError } from "@/lib/errors";

const { values } = parseArgs({
  options: { clinic: { type: "string" }, email: { type: "string" }, name: { type: "string" }, password: { type: "string" } },
});
const url = toolEnv().DATABASE_URL;
const missing = [!url && "DATABASE_URL (environment)", !values.clinic && "--clinic", !values.email && "--email", !values.name && "--name"].filter(Boolean);
if (missing.length) {
  console.error(`Missing: ${missing.join(", ")}\nUsage: npm run user:create -- --clinic "Clinic name" --email you@example.org --name "Your Name" [--password …]`);
  process.exit(2);
}
if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(values.email!)) {
  console.error(`--email must be an email address, got "${values.email}"`);
  process.exit(2);
}

await migrateDatabase(url!);
const password = values.password ?? generatePassword();
const { sql, db } = createClient(url!, { max: 1 });
try {
  const { clinic, user } = await createClinicAdmin(db, { clinicName: values.clinic!, email: values.email!, name: values.name!, password });
  console.log(`Created ${user.name} <${user.email}>, admin of ${clinic.name}.`);
  if (!values.password) console.log(`Password: ${password}\nKeep it safe: it is not shown again.`);
} catch (error) {
  if (error instanceof UserError) {
    console.error(error.message);
    process.exitCode = 1;
  } else throw error;
} finally {
  await sql.end({ timeout: 5 });
}
