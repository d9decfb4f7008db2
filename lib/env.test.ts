import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "./env";

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
  it("listens on loopback unless HOST says otherwise, and refuses a HOST that is no address", () => {
    const good = { DATABASE_URL: "postgres://u@h/db", NEXTAUTH_SECRET: "x".repeat(32) };
    expect(parseEnv(good).HOST).toBe("127.0.0.1");
    expect(parseEnv({ ...good, HOST: "0.0.0.0" }).HOST).toBe("0.0.0.0");
    expect(parseEnv({ ...good, HOST: "::1" }).HOST).toBe("::1");
    expect(() => parseEnv({ ...good, HOST: "0.0.0.0; rm -rf /" })).toThrow(/HOST must be an address or host name/);
  });
});
