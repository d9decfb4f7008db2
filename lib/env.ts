// The app's configuration, validated once. A bad value stops the app with a message naming the variable.
import { z } from "zod";
import { trustedProxiesProblem } from "./auth/client-ip";
import { fieldErrorsOf } from "./forms/field-errors";

const postgresUrl = z.string().regex(/^postgres(ql)?:\/\//, "must be a postgres:// URL");
const portNumber = (what: string) => z.coerce.number({ error: `must be ${what}` }).int(`must be ${what}`).min(1, `must be ${what}`).max(65535, `must be ${what}`);
const flag = z.enum(["true", "false"], { error: 'must be "true" or "false"' });

/**
 * Every variable the app and its scripts read, each optional or defaulted here: a script runs before
 * a database is chosen. The README's configuration table and `.env.example` list each of them
 * (lib/env-usage.test.ts checks it). `db/client.ts` (below lib/, so it cannot import this file) and
 * `scripts/serve.mjs` (plain Node) read a few of them raw, after `npm start` has checked them here.
 */
const processSchema = z.object({
  DATABASE_URL: postgresUrl.optional(),
  NEXTAUTH_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  NEXTAUTH_URL: z.url("must be the app's public URL, e.g. https://physioplan.example.org").optional(),
  PUBLIC_URL: z.url("must be the app's public URL, e.g. https://physioplan.example.org").optional(),
  PORT: portNumber("a port number (1-65535)").default(3000),
  /** The address `npm start` listens on: loopback unless set. */
  HOST: z
    .string()
    .regex(/^(\[?[0-9A-Fa-f:.]+\]?|[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*)$/, "must be an address or host name to listen on, e.g. 127.0.0.1 or 0.0.0.0")
    .default("127.0.0.1"),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/[^\s]+$/, "must be an smtp:// or smtps:// URL, e.g. smtps://user:pass@mail.example.org:465")
    .optional(),
  MAIL_FROM: z
    .string()
    .trim()
    .regex(/^(.+<[^\s@<>]+@[^\s@<>]+>|[^\s@<>]+@[^\s@<>]+)$/, 'must be an address, e.g. "Physioplan <no-reply@clinic.example>"')
    .default("Physioplan <no-reply@physioplan.invalid>"),
  TRUSTED_PROXIES: z
    .string()
    .optional()
    .superRefine((value, ctx) => {
      const problem = value === undefined ? null : trustedProxiesProblem(value);
      if (problem) ctx.addIssue({ code: "custom", message: problem });
    }),
  /** Connections per app instance (db/client.ts). */
  DATABASE_POOL_MAX: z.coerce.number({ error: "must be a whole number from 1 to 100" }).int("must be a whole number from 1 to 100").min(1, "must be a whole number from 1 to 100").max(100, "must be a whole number from 1 to 100").optional(),
  /** "false" turns off named prepared statements (db/client.ts): `npm start` sets it for the embedded database. */
  DATABASE_PREPARE: flag.default("true"),
  /** Seeds the demo clinic on a real database (`npm start`, `npm run seed`). */
  SEED_DEMO: flag.default("false"),
  /** Where the embedded database keeps its data (`npm start`, backup, restore). */
  PHYSIOPLAN_DATA_DIR: z.string().min(1, "must name a folder").default(".data"),
  /** The embedded database's port on loopback; unset: any free port. */
  PGLITE_PORT: portNumber("a port number (1-65535)").optional(),
  /** Set (to anything) to make the offline figure solver (scripts/figures) report poses it misses. */
  FIGURE_DEBUG: z.string().optional(),
  /** Next's own: "development", "production" or "test". Next inlines it at build time. */
  NODE_ENV: z.string().optional(),
  /** Next's own: "nodejs" or "edge" inside Next, unset outside it. Next inlines it at build time. */
  NEXT_RUNTIME: z.string().optional(),
});

/** The names of every variable in the schema. */
export const configurationVariables = Object.keys(processSchema.shape);

const envSchema = processSchema
  .extend({
    DATABASE_URL: z.string({ error: "is required (a postgres:// URL; `npm start` provides one when it runs the embedded database)" }).pipe(postgresUrl),
    NEXTAUTH_SECRET: z
      .string({ error: "is required: a random string of at least 32 characters (e.g. `openssl rand -base64 32`)" })
      .min(32, "must be at least 32 characters"),
  })
  .superRefine((value, context) => {
    // Links, QR codes and emails need one public origin. `npm start` gives the embedded database
    // http://localhost:PORT; with a real database a production server must be told its address.
    if (value.NODE_ENV === "production" && !value.PUBLIC_URL && !value.NEXTAUTH_URL) {
      context.addIssue({ code: "custom", path: ["PUBLIC_URL"], message: "is required in production with a real database: the app's public URL (links and QR codes use it), e.g. https://physioplan.example.org" });
    }
  });
export type Env = z.infer<typeof envSchema>;

export type ToolEnv = z.infer<typeof processSchema>;

export class EnvError extends Error {}

function parseWith<T>(schema: z.ZodType<T>, source: Record<string, string | undefined>): T {
  // An empty value counts as unset (`PORT= npm start`, a blank line in .env).
  const given = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== ""));
  const result = schema.safeParse(given);
  if (!result.success) {
    const lines = Object.entries(fieldErrorsOf(result.error)).flatMap(([name, messages]) => messages.map((message) => `  ${name} ${message}`));
    throw new EnvError(`Physioplan cannot start: bad configuration\n${lines.join("\n")}`);
  }
  return result.data;
}

/** The app's configuration: a database and a secret are required. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  return parseWith(envSchema, source);
}

/** What a script reads before it knows its database (start, seed, backup, restore, user:create). */
export function toolEnv(source: Record<string, string | undefined> = process.env): ToolEnv {
  return parseWith(processSchema, source);
}

let cached: Env | undefined;
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/** The one public URL: PUBLIC_URL, else NEXTAUTH_URL, else (development and tests) http://localhost:PORT. */
export function publicUrl(config: Env = env()): string {
  return config.PUBLIC_URL ?? config.NEXTAUTH_URL ?? `http://localhost:${config.PORT}`;
}
