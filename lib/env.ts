// The app's configuration, validated once. A bad value stops the app with a message naming the variable.
import { z } from "zod";

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
