import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { auditEvents, patients } from "@/db/schema";
import { createTestClinic } from "@/lib/testing/fixtures";
import { ensureShareLink } from "@/lib/sharing/links";
import { createIssuedPlan } from "@/lib/sharing/testing";
import { listOutbox } from "./outbox";
import { emailPlanLink } from "./plan-link";

describe("emailing the plan link", () => {
  it("needs an email and consent, names the clinic and no condition, is audited and capped at 5 an hour", async () => {
    const { actor } = await createTestClinic({ name: `Harbour Physio ${crypto.randomUUID().slice(0, 6)}` });
    const { plan, patient } = await createIssuedPlan(actor, { title: "Knee osteoarthritis plan" });
    const link = await ensureShareLink(actor, { planId: plan.id });

    await expect(emailPlanLink(actor, { planId: plan.id, consent: true })).rejects.toThrow(/email address/);
    await db.update(patients).set({ email: "zoe@example.test" }).where(eq(patients.id, patient.id));
    await expect(emailPlanLink(actor, { planId: plan.id, consent: false })).rejects.toMatchObject({ fieldErrors: { consent: [expect.any(String)] } });

    const first = await emailPlanLink(actor, { planId: plan.id, consent: true });
    expect(first).toMatchObject({ to: "zoe@example.test", delivery: { state: "outbox" } });
    const [withConsent] = await db.select().from(patients).where(eq(patients.id, patient.id));
    expect(withConsent.emailConsentAt).not.toBeNull();
    expect(withConsent.emailConsentBy).toBe(actor.userId);

    const [message] = (await listOutbox(actor))!.filter((m) => m.kind === "plan-link");
    expect(message.subject).toBe(`Your exercise plan from ${actor.clinicName}`);
    expect(message.subject.toLowerCase()).not.toMatch(/knee|osteoarthritis|back/);
    expect(message.body!.text).toContain(`/p/${link!.token}`);
    expect(message.body!.html).toContain(`/p/${link!.token}`);
    expect(message.body!.text).not.toMatch(/osteoarthritis/i);

    // Consent stays recorded: later sends need no tick. Five in the hour, then refused.
    for (let i = 0; i < 4; i++) await emailPlanLink(actor, { planId: plan.id, consent: false });
    await expect(emailPlanLink(actor, { planId: plan.id, consent: false })).rejects.toThrow(/5 times in the last hour/);
    const audited = await db.select().from(auditEvents).where(and(eq(auditEvents.entityId, plan.id), eq(auditEvents.action, "plan-link.emailed")));
    expect(audited).toHaveLength(5);
  });

  it("refuses another clinic's plan", async () => {
    const { actor } = await createTestClinic();
    const { actor: stranger } = await createTestClinic();
    const { plan, patient } = await createIssuedPlan(actor);
    await ensureShareLink(actor, { planId: plan.id });
    await db.update(patients).set({ email: "zoe@example.test" }).where(eq(patients.id, patient.id));
    expect(await emailPlanLink(stranger, { planId: plan.id, consent: true })).toBeNull();
    expect((await listOutbox(actor))!.filter((m) => m.kind === "plan-link")).toEqual([]);
  });
});
