// Every lib/ function that takes an id from a URL or a form, given ids that are not UUIDs: each
// answers "not found" (null, an empty result or false), never a database error (a 500 upstream).
import { describe, expect, it } from "vitest";
import { getPlanAdherence } from "@/lib/adherence/summary";
import { getExercise } from "@/lib/catalogue/search";
import { archiveClinicExercise, duplicateExercise, restoreClinicExercise } from "@/lib/catalogue/clinic-exercises";
import { getPatient, listPatientActivity, setPatientArchived } from "@/lib/patients/patients";
import { getPlanExercises } from "@/lib/plans/exercises";
import { issuePlan } from "@/lib/plans/issue-plan";
import { createPlan, getPlan, listPlanVersions, listPlansForPatient } from "@/lib/plans/plans";
import { savePlan } from "@/lib/plans/save-plan";
import { archiveTemplate, getTemplate } from "@/lib/plans/templates";
import { ensureShareLink, getShareLink, replaceShareLink, revokeShareLink, setShareLinkExpiry } from "@/lib/sharing/links";
import { getIssuedVersion } from "@/lib/sharing/versions";
import { createTestClinic } from "@/lib/testing/fixtures";

export const malformedIds = [
  "-".repeat(36),
  "0".repeat(36),
  "g".repeat(8) + "-0000-0000-0000-" + "0".repeat(12),
  "00000000-0000-0000-0000-00000000000",
  "00000000-0000-0000-0000-0000000000011",
  "{00000000-0000-0000-0000-000000000001}",
  "00000000000000000000000000000001",
  "00000000-0000-0000-0000-000000000001\u0000",
  "'; select 1; --",
  "",
  "x".repeat(10_000),
];

describe("malformed ids reach no query", () => {
  it("every id-taking function answers not found", async () => {
    const { actor } = await createTestClinic();
    for (const id of malformedIds) {
      const label = JSON.stringify(id.slice(0, 40));
      expect(await getIssuedVersion(actor, { planId: id }), label).toBeNull();
      expect(await getPlanAdherence(actor, { planId: id, items: [] }), label).toBeNull();
      expect(await getShareLink(actor, { planId: id }), label).toBeNull();
      expect(await ensureShareLink(actor, { planId: id }), label).toBeNull();
      expect(await replaceShareLink(actor, { planId: id }), label).toBeNull();
      expect(await revokeShareLink(actor, { planId: id }), label).toBe(false);
      expect(await setShareLinkExpiry(actor, { planId: id, expiresAt: null }), label).toBeNull();
      expect(await getPlan(actor, { planId: id }), label).toBeNull();
      expect(await listPlanVersions(actor, { planId: id }), label).toBeNull();
      expect(await listPlansForPatient(actor, { patientId: id }), label).toBeNull();
      expect(await createPlan(actor, { patientId: id }), label).toBeNull();
      expect(await issuePlan(actor, { planId: id, revision: 1 }), label).toBeNull();
      expect(await savePlan(actor, { planId: id, revision: 1, draft: {} }), label).toBeNull();
      expect(await getPatient(actor, { patientId: id }), label).toBeNull();
      expect(await listPatientActivity(actor, { patientId: id }), label).toBeNull();
      expect(await setPatientArchived(actor, { patientId: id, archived: true }), label).toBeNull();
      expect(await getExercise(actor, { exerciseId: id }), label).toBeNull();
      expect(await archiveClinicExercise(actor, { exerciseId: id }), label).toBeNull();
      expect(await restoreClinicExercise(actor, { exerciseId: id }), label).toBeNull();
      expect(await duplicateExercise(actor, { exerciseId: id }), label).toBeNull();
      expect(await getTemplate(actor, { templateId: id }), label).toBeNull();
      expect(await archiveTemplate(actor, { templateId: id }), label).toBeNull();
      expect((await getPlanExercises(actor, { exerciseIds: [id] })).size, label).toBe(0);
    }
  });
});
