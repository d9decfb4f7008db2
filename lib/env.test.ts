import { describe, expect, it } from "vitest";
import { EnvError, parseEnv, publicUrl, toolEnv } from "./env";

describe("parseEnv", () => {
  it("names every missing or bad variable", () => {
    expect(() => parseEnv({})).toThrow(EnvError);
    try {
      parseEnv({ DATABASE_URL: "mysql://x", NEXTAUTH_SECRET: "short" });
    } catch (error) {
      expect((error as Error).message).toMatch(/DATABASE_URL must be a postgres:\/\/ URL/);
      expect((error as Error).message).toMatch(/NEXTAUTH_SECRET must be at least 32 characters/);
    }
  });
  it("accepts a good configuration", () => {
    expect(parseEnv({ DATABASE_URL: "postgres://u@h/db", NEXTAUTH_SECRET: "x".repeat(32) }).DATABASE_URL).toBe("postgres://u@h/db");
  });

  it("requires a public URL in production (a real database: `npm start` sets one for the embedded database)", () => {
    const base = { DATABASE_URL: "postgres://u@h/db", NEXTAUTH_SECRET: "x".repeat(32), NODE_ENV: "production" };
    expect(() => parseEnv(base)).toThrow(/PUBLIC_URL is required in production/);
    expect(publicUrl(parseEnv({ ...base, PUBLIC_URL: "https://physio.example.org" }))).toBe("https://physio.example.org");
    expect(publicUrl(parseEnv({ ...base, NEXTAUTH_URL: "https://auth.example.org" }))).toBe("https://auth.example.org");
    // Development and tests: this machine, never a request header.
    expect(publicUrl(parseEnv({ ...base, NODE_ENV: "development", PORT: "4000" }))).toBe("http://localhost:4000");
  });

  it("checks the mail settings", () => {
    const base = { DATABASE_URL: "postgres://u@h/db", NEXTAUTH_SECRET: "x".repeat(32) };
    expect(parseEnv(base).SMTP_URL).toBeUndefined();
    expect(parseEnv(base).MAIL_FROM).toBe("Physioplan <no-reply@physioplan.invalid>");
    expect(parseEnv({ ...base, SMTP_URL: "smtps://u:p@mail.example.org:465", MAIL_FROM: "Harbour <hi@harbour.test>" })).toMatchObject({
      SMTP_URL: "smtps://u:p@mail.example.org:465",
      MAIL_FROM: "Harbour <hi@harbour.test>",
    });
    expect(() => parseEnv({ ...base, SMTP_URL: "http://mail.example.org" })).toThrow(/SMTP_URL must be an smtp:\/\/ or smtps:\/\/ URL/);
    expect(() => parseEnv({ ...base, MAIL_FROM: "not an address" })).toThrow(/MAIL_FROM must be an address/);
  });

  it("listens on loopback unless HOST says otherwise, and refuses a HOST that is no address", () => {
    const good = { DATABASE_URL: "postgres://u@h/db", NEXTAUTH_SECRET: "x".repeat(32) };
    expect(parseEnv(good).HOST).toBe("127.0.0.1");
    expect(parseEnv({ ...good, HOST: "0.0.0.0" }).HOST).toBe("0.0.0.0");
    expect(parseEnv({ ...good, HOST: "::1" }).HOST).toBe("::1");
    expect(() => parseEnv({ ...good, HOST: "0.0.0.0; rm -rf /" })).toThrow(/HOST must be an address or host name/);
  });
});

describe("toolEnv", () => {
  it("checks the scripts' variables without requiring a database, and names a bad one", () => {
    expect(toolEnv({})).toMatchObject({ PORT: 3000, PHYSIOPLAN_DATA_DIR: ".data", SEED_DEMO: "false", DATABASE_PREPARE: "true" });
    expect(toolEnv({ PORT: "4100", PGLITE_PORT: "5499", DATABASE_POOL_MAX: "4", PORT_UNKNOWN: "x" })).toMatchObject({ PORT: 4100, PGLITE_PORT: 5499, DATABASE_POOL_MAX: 4 });
    expect(() => toolEnv({ PORT: "70000" })).toThrow(/PORT must be a port number/);
    expect(() => toolEnv({ SEED_DEMO: "yes" })).toThrow(/SEED_DEMO must be "true" or "false"/);
    expect(() => toolEnv({ DATABASE_POOL_MAX: "0" })).toThrow(/DATABASE_POOL_MAX must be a whole number/);
    expect(() => toolEnv({ DATABASE_URL: "mysql://x" })).toThrow(/DATABASE_URL must be a postgres:\/\/ URL/);
  });
});
