// "Too easy? / Too hard?" from the builder's checkbox to what the patient reads: saved per plan
// item, frozen into the issued version, shown on the patient page and printed in the handout.
import { and, eq, isNull } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { renderPlanBody } from "@/app/p/[token]/_page/plan-body";
import { db } from "@/db/client";
import { exercises, planVersions } from "@/db/schema";
import { fixtureLink } from "@/lib/handout/fixture";
import { flat, pdfInfo, pdfText } from "@/lib/handout/pdf-tools";
import { renderHandout } from "@/lib/handout/render";
import { createPatient } from "@/lib/patients/patients";
import { createTestClinic } from "@/lib/testing/fixtures";
import { issuePlan } from "./issue-plan";
import { createPlan, draftOf, getPlan } from "./plans";
import { progressionAdvice } from "./progression";
import { savePlan } from "./save-plan";
import { planSnapshotSchema } from "./snapshot";

async function builtIn(slug: string) {
  const [row] = await db.select({ id: exercises.id, defaultDose: exercises.defaultDose }).from(exercises).where(and(isNull(exercises.clinicId), eq(exercises.slug, slug)));
  return row as { id: string; defaultDose: { sets: number; reps: number } };
}

describe("“Too easy? / Too hard?” in an issued plan", () => {
  it("is saved per item, issued only where allowed, never naming a variant cautioned for the patient, and shown on the page and in the handout", async () => {
    const { actor } = await createTestClinic();
    const patient = await createPatient(actor, { firstName: "Margaret", lastName: "Ellison", email: null, phone: null, birthYear: 1958, conditions: ["stenosis"], notes: null, clinicianId: actor.userId });
    const plan = (await createPlan(actor, { patientId: patient.id, title: "Back plan" }))!;
    const [extension, bridge, tilt] = await Promise.all(["standing-back-extension", "glute-bridge", "posterior-pelvic-tilt"].map(builtIn));
    const draft = {
      title: "Back plan",
      conditions: [] as [],
      items: [
        { exerciseId: extension.id, dose: { sets: 1, reps: 10 }, showVariants: true },
        { exerciseId: bridge.id, dose: { sets: 3, reps: 10 }, showVariants: true },
        { exerciseId: tilt.id, dose: { sets: 1, reps: 10, holdSeconds: 5 } },
      ],
    };
    expect(await savePlan(actor, { planId: plan.id, revision: 1, draft })).toMatchObject({ status: "saved", revision: 2, changed: true });
    const detail = (await getPlan(actor, { planId: plan.id }))!;
    expect(draftOf(detail).items.map((item) => item.showVariants)).toEqual([true, true, false]);
    // The checkbox is part of the draft: saving the same again changes nothing, unticking changes it.
    expect(await savePlan(actor, { planId: plan.id, revision: 2, draft })).toMatchObject({ changed: false });

    expect(await issuePlan(actor, { planId: plan.id, revision: 2 })).toMatchObject({ status: "issued", version: 1 });
    const [row] = await db.select().from(planVersions).where(eq(planVersions.planId, plan.id));
    const snapshot = planSnapshotSchema.parse(row.snapshot);
    // Standing extension's harder variant is the prone press-up, cautioned for stenosis: not named.
    expect(snapshot.items[0].progression).toEqual({ tooEasy: "Ask your physiotherapist before doing more.", tooHard: "Do fewer repetitions, or make the movement smaller." });
    expect(snapshot.items[1].progression).toEqual({ tooEasy: "Try: Single-leg bridge.", tooHard: "Do fewer repetitions, or make the movement smaller." });
    expect(snapshot.items[2].progression).toBeUndefined();

    const page = (await renderPlanBody(snapshot)).top;
    expect(page.match(/data-progression/g)).toHaveLength(2);
    expect(page.replace(/<[^>]+>/g, "")).toContain("Too easy? Try: Single-leg bridge. Too hard? Do fewer repetitions, or make the movement smaller.");
    expect(page).toContain("felt easy for a week with pain of 3 or less");

    const pdf = await renderHandout(snapshot, { link: fixtureLink, paper: "A4", largePrint: false });
    const text = Array.from({ length: pdfInfo(pdf).pages }, (_, i) => flat(pdfText(pdf, i + 1))).join(" ");
    expect(text).toContain("Too easy? Try: Single-leg bridge. Too hard? Do fewer repetitions, or make the movement smaller.");
    expect(text).toContain("Too easy? Ask your physiotherapist before doing more.");
    expect(text).toContain(flat(progressionAdvice).slice(0, 60));
    expect(text.match(/Too easy\?/g)).toHaveLength(3); // two lines and the advice
  });
});
