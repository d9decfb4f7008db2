import { describe, expect, it } from "vitest";
import { z } from "zod";
import { fieldErrorsOf } from "./field-errors";

describe("fieldErrorsOf", () => {
  const schema = z.object({ title: z.string().min(1, "Give the plan a title"), items: z.array(z.object({ sets: z.number().max(10, "Sets must be between 1 and 10") })) });

  it("keys messages by the field's dotted path, and the form's own under `form`", () => {
    const parsed = schema.safeParse({ title: "", items: [{ sets: 1 }, { sets: 11 }] });
    expect(parsed.success).toBe(false);
    expect(fieldErrorsOf(parsed.error!)).toEqual({ title: ["Give the plan a title"], "items.1.sets": ["Sets must be between 1 and 10"] });
    expect(fieldErrorsOf(schema.refine(() => false, "Not today").safeParse({ title: "x", items: [] }).error!)).toEqual({ form: ["Not today"] });
  });

  it("takes a list of issues too, and lists a repeated message once", () => {
    const issue = { path: ["items", 0, "reps"], message: "Too many" };
    expect(fieldErrorsOf([issue, issue, { path: [], message: "Nope" }])).toEqual({ "items.0.reps": ["Too many"], form: ["Nope"] });
  });
});
