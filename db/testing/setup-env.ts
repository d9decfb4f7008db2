import { inject } from "vitest";
import { embeddedClientEnv } from "../embedded";

process.env.DATABASE_URL = inject("databaseUrl");
process.env.NEXTAUTH_SECRET ??= "test-secret-test-secret-test-secret-000";
// On the embedded database, test files also run one at a time (vitest.config.ts).
if (inject("embeddedDatabase")) Object.assign(process.env, embeddedClientEnv);
