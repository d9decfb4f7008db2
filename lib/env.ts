// The app's configuration, validated once. A bad value stops the app with a message naming the variable.
import { z } from "zod";
import { trustedProxiesProblem } from "./auth/client-ip";

const envSchema = z.object({
  DATABASE_URL: z
    .string({ error: "is required (a postgres:// URL; `npm start` provides one when it runs the embedded database)" })
    .regex(/^postgres(ql)?:\/\//, "must be a postgres:// URL"),
  NEXTAUTH_SECRET: z
    .string({ error: "is required: a random string of at least 32 characters (e.g. `openssl rand -base64 32`)" })
    .min(32, "must be at least 32 characters"),
  NEXTAUTH_URL: z.url("must be the app's public URL, e.g. https://physioplan.example.org").optional(),
  PUBLIC_URL: z.url("must be the app's public URL, e.g. https://physioplan.example.org").optional(),
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
  NODE_ENV: z.string().optional(),
  PORT: z.string().optional(),
}).superRefine((value, context) => {
  // Links, QR codes and emails need one public origin. `npm start` gives the embedded database
  // http://localhost:PORT; with a real database a production server must be told its address.
  if (value.NODE_ENV === "production" && !value.PUBLIC_URL && !value.NEXTAUTH_URL) {
    context.addIssue({ code: "custom", path: ["PUBLIC_URL"], message: "is required in production with a real database: the app's public URL (links and QR codes use it), e.g. https://physioplan.example.org" });
  }
});
export type Env = z.infer<typeof envSchema>;

export class EnvError extends Error {}

export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = envSchema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  ${issue.path.join(".")} ${issue.message}`);
    throw new EnvError(`Physioplan cannot start: bad configuration\n${lines.join("\n")}`);
  }
  return result.data;
}

let cached: Env | undefined;
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/** The one public URL: PUBLIC_URL, else NEXTAUTH_URL, else (development and tests) http://localhost:PORT. */
export function publicUrl(config: Env = env()): string {
  return config.PUBLIC_URL ?? config.NEXTAUTH_URL ?? `http://localhost:${config.PORT ?? 3000}`;
}
