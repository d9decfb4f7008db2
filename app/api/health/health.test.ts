import { afterAll, describe, expect, it } from "vitest";
import { closeDb } from "@/db/client";
import { GET } from "./route";

describe("GET /api/health", () => {
  afterAll(() => closeDb());

  it("answers 200 when the database answers", async () => {
    const response = await GET();
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok", db: "ok" });
  });

  it("answers 503 when the database does not", async () => {
    await closeDb();
    const url = process.env.DATABASE_URL;
    process.env.DATABASE_URL = "postgres://postgres@127.0.0.1:9/nowhere";
    try {
      const response = await GET();
      expect(response.status).toBe(503);
      expect(await response.json()).toMatchObject({ db: "unavailable" });
    } finally {
      await closeDb();
      process.env.DATABASE_URL = url;
    }
  });
});
