import { and, eq, isNull, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { conditions, exercises, templates } from "@/db/schema";
import { builtInTemplates } from "@/lib/plans/builtin-templates";
import { builtInExercises } from "./exercises";
import { syncBuiltInCatalogue } from "./sync";

describe("syncBuiltInCatalogue", () => {
  it("has seeded every built-in exercise with its figure, the nine conditions and the templates", async () => {
    const rows = await db.select().from(exercises).where(isNull(exercises.clinicId));
    expect(rows.map((r) => r.slug).sort()).toEqual(builtInExercises.map((e) => e.slug).sort());
    expect(rows.every((r) => r.figure !== null)).toBe(true);
    expect(await db.$count(conditions)).toBe(9);
    expect(await db.$count(templates, isNull(templates.clinicId))).toBe(builtInTemplates.length);
  });

  it("is idempotent and updates built-in rows by slug", async () => {
    const before = await db.$count(exercises, isNull(exercises.clinicId));
    const changed = builtInExercises.map((e) => (e.slug === "glute-bridge" ? { ...e, summary: "A changed summary for the test." } : e));
    await syncBuiltInCatalogue(db, changed);
    await syncBuiltInCatalogue(db, changed);
    expect(await db.$count(exercises, isNull(exercises.clinicId))).toBe(before);
    const [bridge] = await db.select().from(exercises).where(and(isNull(exercises.clinicId), eq(exercises.slug, "glute-bridge")));
    expect(bridge.summary).toBe("A changed summary for the test.");
    expect(bridge.searchText).toContain("A changed summary for the test.");
    await syncBuiltInCatalogue(db);
  });

  it("fills the search vector from the name and the search text", async () => {
    const [row] = await db
      .select({ matches: sql<boolean>`search @@ websearch_to_tsquery('english', 'sphinx')` })
      .from(exercises)
      .where(and(isNull(exercises.clinicId), eq(exercises.slug, "prone-on-elbows")));
    expect(row.matches).toBe(true);
  });
});
