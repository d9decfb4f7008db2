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
});
