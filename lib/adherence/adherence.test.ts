import crypto from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { alertAcknowledgements, plans, sessionLogs } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { UserError } from "@/lib/errors";
import { endPlan, reopenPlan, setPlanEndDate } from "@/lib/plans/end-plan";
import { ensureShareLink, resolveShareToken } from "@/lib/sharing/links";
import { createIssuedPlan } from "@/lib/sharing/testing";
import { createTestClinic } from "@/lib/testing/fixtures";
import { acknowledgeAlert, listAlertAcknowledgements } from "./acknowledge";
import { alertsOf } from "./alerts";
import { addDays, clinicDate, endOfClinicDay, mondayOf } from "@/lib/dates/format";
import { logSession, recentSessionsForLink, sessionLogInputSchema } from "./log-session";
import { attentionPage, clinicActivity, getPlanAdherence, listPatientsNeedingAttention, targetDaysPerWeek } from "./summary";

const day = 86_400_000;

async function sharedPlan(actor: Actor, options: { issuedAt?: Date } = {}) {
  const { plan, patient } = await createIssuedPlan(actor, options);
  const link = await ensureShareLink(actor, { planId: plan.id });
  const resolved = await resolveShareToken(link!.token!);
  return { plan, patient, link: resolved! };
}

function input(overrides: Partial<{ clientKey: string; done: number[]; pain: number; comment: string | null }> = {}) {
  return { clientKey: crypto.randomUUID(), done: [0, 1, 2], pain: 3, comment: null, ...overrides };
}

/** A session as if logged `daysAgo` days ago. */
async function backdated(actor: Actor, planId: string, daysAgo: number, pain: number) {
  const at = new Date(Date.now() - daysAgo * day);
  await db.insert(sessionLogs).values({
    clinicId: actor.clinicId,
    planId,
    version: 1,
    loggedOn: clinicDate(at),
    itemsDone: [],
    pain,
    clientKey: crypto.randomUUID(),
    createdAt: at,
  });
}

describe("the session log form", () => {
  it("parses ticks, pain and comment, and explains what is wrong", () => {
    const key = crypto.randomUUID();
    expect(sessionLogInputSchema.parse({ clientKey: key, done: ["0", "2"], pain: "4", comment: "  fine " })).toEqual({ clientKey: key, done: [0, 2], pain: 4, comment: "fine" });
    expect(sessionLogInputSchema.parse({ clientKey: key, pain: "0" })).toEqual({ clientKey: key, done: [], pain: 0, comment: null });
    const missing = sessionLogInputSchema.safeParse({ clientKey: key });
    expect(missing.error?.issues[0]).toMatchObject({ path: ["pain"], message: "Choose how much pain you had, from 0 to 10" });
    expect(sessionLogInputSchema.safeParse({ clientKey: key, pain: "11" }).success).toBe(false);
    const long = sessionLogInputSchema.safeParse({ clientKey: key, pain: "2", comment: "x".repeat(501) });
    expect(long.error?.issues[0]?.message).toBe("Keep your comment to 500 characters or fewer");
  });
});

describe("logging a session", () => {
  it("stores one row for a double submit of the same form", async () => {
    const { actor } = await createTestClinic();
    const { plan, link } = await sharedPlan(actor);
    const form = input({ pain: 4, comment: "Knee felt better after the bridges" });
    const results = await Promise.all([logSession(link, form), logSession(link, form)]);
    expect(results.map((r) => r.status).sort()).toEqual(["duplicate", "logged"]);
    expect((await logSession(link, form)).status).toBe("duplicate");
    const rows = await db.select().from(sessionLogs).where(eq(sessionLogs.planId, plan.id));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ pain: 4, comment: "Knee felt better after the bridges", version: 1, loggedOn: clinicDate(), clinicId: actor.clinicId });
    expect(rows[0].itemsDone).toEqual(link.snapshot.items.slice(0, 3).map((item) => item.exerciseId));
  });

  it("refuses exercises that are not in the plan", async () => {
    const { actor } = await createTestClinic();
    const { link } = await sharedPlan(actor);
    await expect(logSession(link, input({ done: [99] }))).rejects.toBeInstanceOf(UserError);
  });

  it("limits a link to 20 sessions an hour", async () => {
    const { actor } = await createTestClinic();
    const { plan, link } = await sharedPlan(actor);
    for (let i = 0; i < 20; i++) expect((await logSession(link, input())).status).toBe("logged");
    expect((await logSession(link, input())).status).toBe("rate-limited");
    expect(await db.select({ id: sessionLogs.id }).from(sessionLogs).where(eq(sessionLogs.planId, plan.id))).toHaveLength(20);
    // Another patient's link is not affected.
    const other = await sharedPlan(actor);
    expect((await logSession(other.link, input())).status).toBe("logged");
  });

  it("shows the patient their last 14 days, newest first", async () => {
    const { actor } = await createTestClinic();
    const { plan, link } = await sharedPlan(actor);
    await backdated(actor, plan.id, 20, 6);
    await backdated(actor, plan.id, 5, 2);
    await logSession(link, input({ done: [0, 1], pain: 1 }));
    const recent = await recentSessionsForLink(link);
    expect(recent.map((s) => [s.exercisesDone, s.pain])).toEqual([
      [2, 1],
      [0, 2],
    ]);
  });
});

describe("alerts", () => {
  const base = { painAlertAt: 7, recentPain: null, recentPainOn: null, lastLoggedAt: null, hasLiveLink: true };
  const now = new Date("2026-03-20T12:00:00Z");

  it("raise on pain at the threshold and on a week of silence, and not otherwise", () => {
    expect(alertsOf({ ...base, issuedAt: new Date("2026-03-18T12:00:00Z"), recentPain: 7, recentPainOn: "2026-03-19" }, now)).toEqual([
      { kind: "pain", pain: 7, threshold: 7, loggedOn: "2026-03-19" },
    ]);
    expect(alertsOf({ ...base, issuedAt: new Date("2026-03-18T12:00:00Z"), recentPain: 6, recentPainOn: "2026-03-19" }, now)).toEqual([]);
    expect(alertsOf({ ...base, issuedAt: new Date("2026-03-13T12:00:00Z") }, now)).toEqual([{ kind: "silence", days: 7 }]);
    expect(alertsOf({ ...base, issuedAt: new Date("2026-03-14T12:00:00Z") }, now)).toEqual([]);
    expect(alertsOf({ ...base, issuedAt: new Date("2026-03-01T12:00:00Z"), lastLoggedAt: new Date("2026-03-17T12:00:00Z") }, now)).toEqual([]);
    expect(alertsOf({ ...base, issuedAt: new Date("2026-03-01T12:00:00Z"), hasLiveLink: false }, now)).toEqual([]);
  });

  it("pain 8 raises an alert on the plan and the dashboard", async () => {
    const { actor } = await createTestClinic();
    const { plan, patient, link } = await sharedPlan(actor);
    await logSession(link, input({ pain: 8 }));
    const adherence = await getPlanAdherence(actor, { planId: plan.id, items: link.snapshot.items });
    expect(adherence?.alerts).toEqual([{ kind: "pain", pain: 8, threshold: 7, loggedOn: clinicDate() }]);
    const attention = await listPatientsNeedingAttention(actor);
    expect(attention).toEqual([
      { planId: plan.id, planTitle: "Knee plan", patientId: patient.id, patientName: "Zoë Łukasiewicz-Núñez", alerts: adherence!.alerts },
    ]);
  });

  it("seven days of silence since the issue raises an alert; recent low pain raises none", async () => {
    const { actor } = await createTestClinic();
    const quiet = await sharedPlan(actor, { issuedAt: new Date(Date.now() - 8 * day) });
    const fine = await sharedPlan(actor, { issuedAt: new Date(Date.now() - 8 * day) });
    await backdated(actor, fine.plan.id, 2, 3);
    const oldPain = await sharedPlan(actor, { issuedAt: new Date(Date.now() - 5 * day) });
    await backdated(actor, oldPain.plan.id, 4, 9);

    const attention = await listPatientsNeedingAttention(actor);
    expect(attention.map((a) => [a.planId, a.alerts])).toEqual([[quiet.plan.id, [{ kind: "silence", days: 8 }]]]);
    expect((await getPlanAdherence(actor, { planId: fine.plan.id, items: fine.link.snapshot.items }))?.alerts).toEqual([]);
    expect((await getPlanAdherence(actor, { planId: oldPain.plan.id, items: oldPain.link.snapshot.items }))?.alerts).toEqual([]);
  });

  it("never shows another clinic's patients or plans", async () => {
    const { actor } = await createTestClinic();
    const { actor: stranger } = await createTestClinic();
    const { plan, link } = await sharedPlan(actor);
    await logSession(link, input({ pain: 9 }));
    expect(await getPlanAdherence(stranger, { planId: plan.id, items: link.snapshot.items })).toBeNull();
    expect(await listPatientsNeedingAttention(stranger)).toEqual([]);
    expect(await clinicActivity(stranger)).toEqual({ activePatients: 0, issuedPlans: 0, sessionsThisWeek: 0 });
  });
});

describe("clinician's summary", () => {
  it("counts days exercised per week against the plan's days a week", async () => {
    const { actor } = await createTestClinic();
    const { plan, link } = await sharedPlan(actor);
    await logSession(link, input({ pain: 2, comment: "Easy today" }));
    await logSession(link, input({ pain: 3 }));
    const adherence = await getPlanAdherence(actor, { planId: plan.id, items: link.snapshot.items });
    expect(adherence?.targetDaysPerWeek).toBe(7);
    expect(adherence?.totalSessions).toBe(2);
    // Issued this week: only this week is shown, not weeks before the plan existed.
    expect(adherence?.weeks).toHaveLength(1);
    expect(adherence?.weeks.at(-1)).toEqual({ weekStart: mondayOf(clinicDate()), sessions: 2, daysExercised: 1 });
    expect(adherence?.sessions.map((s) => s.pain).sort()).toEqual([2, 3]);
    expect(adherence?.recentComments.map((s) => s.comment)).toEqual(["Easy today"]);
    expect(await clinicActivity(actor)).toEqual({ activePatients: 1, issuedPlans: 1, sessionsThisWeek: 2 });
    const rows = await db.execute(sql`select count(*)::int as n from audit_events where clinic_id = ${actor.clinicId} and action = 'session.logged'`);
    expect(rows[0].n).toBe(2);
  });

  it("takes the most frequent exercise's days as the target", () => {
    expect(targetDaysPerWeek([{ dose: { reps: 10, daysPerWeek: 3 } }, { dose: { reps: 10, daysPerWeek: 5 } }])).toBe(5);
    expect(targetDaysPerWeek([{ dose: { reps: 10 } }])).toBeNull();
  });

  it("counts calendar days in the clinic's time zone", () => {
    expect(addDays("2026-03-01", -1)).toBe("2026-02-28");
    expect(mondayOf("2026-03-08")).toBe("2026-03-02");
    expect(mondayOf("2026-03-09")).toBe("2026-03-09");
    expect(clinicDate(new Date("2026-07-01T23:30:00Z"))).toBe("2026-07-02");
    // A link set to expire "on" a date works until that date's midnight in London, summer or winter.
    expect(endOfClinicDay("2026-07-01").toISOString()).toBe("2026-07-01T23:00:00.000Z");
    expect(endOfClinicDay("2026-01-15").toISOString()).toBe("2026-01-16T00:00:00.000Z");
  });
});

describe("a plan that ends", () => {
  it("raises no alert once completed, discharged or past its last day, and its link takes no sessions", async () => {
    const { actor } = await createTestClinic();
    const issuedAt = new Date(Date.now() - 10 * day);
    const completed = await sharedPlan(actor, { issuedAt });
    const discharged = await sharedPlan(actor, { issuedAt });
    const pastEnd = await sharedPlan(actor, { issuedAt });
    const pastReview = await sharedPlan(actor, { issuedAt });
    const running = await sharedPlan(actor, { issuedAt });
    await backdated(actor, discharged.plan.id, 1, 9);
    const yesterday = addDays(clinicDate(), -1);
    // Every one of them is silent (or in pain) while it runs.
    expect((await listPatientsNeedingAttention(actor)).map((a) => a.planId).sort()).toEqual(
      [completed, discharged, pastEnd, pastReview, running].map((p) => p.plan.id).sort(),
    );

    expect(await endPlan(actor, { planId: completed.plan.id, reason: "completed", note: null })).toMatchObject({ status: "ended", endReason: "completed", endDate: clinicDate() });
    await endPlan(actor, { planId: discharged.plan.id, reason: "discharged", note: "Referred to orthopaedics" });
    await db.update(plans).set({ endDate: yesterday }).where(eq(plans.id, pastEnd.plan.id));
    // No end date: the review date serves; a later end date overrides a passed review date.
    await db.update(plans).set({ reviewDate: yesterday }).where(eq(plans.id, pastReview.plan.id));
    await db.update(plans).set({ reviewDate: yesterday, endDate: addDays(clinicDate(), 7) }).where(eq(plans.id, running.plan.id));

    expect((await listPatientsNeedingAttention(actor)).map((a) => a.planId)).toEqual([running.plan.id]);
    for (const ended of [completed, discharged, pastEnd, pastReview]) {
      expect((await getPlanAdherence(actor, { planId: ended.plan.id, items: ended.link.snapshot.items }))?.alerts).toEqual([]);
      const link = await resolveShareToken((await ensureShareLink(actor, { planId: ended.plan.id }))!.token!);
      expect(link?.ended).toBe(true);
      expect((await logSession(link!, input())).status).toBe("ended");
    }
    expect(await db.select({ id: sessionLogs.id }).from(sessionLogs).where(eq(sessionLogs.planId, completed.plan.id))).toHaveLength(0);
    const stillRunning = await resolveShareToken((await ensureShareLink(actor, { planId: running.plan.id }))!.token!);
    expect(stillRunning?.ended).toBe(false);
    expect(await clinicActivity(actor)).toMatchObject({ issuedPlans: 1 });
    const audit = await db.execute(sql`select action, detail->>'reason' as reason from audit_events where clinic_id = ${actor.clinicId} and action = 'plan.ended' order by id`);
    expect(audit.map((row) => row.reason)).toEqual(["completed", "discharged"]);
  });

  it("asks why a patient is discharged, refuses past end dates, and re-opens with a new end date", async () => {
    const { actor } = await createTestClinic();
    const { actor: stranger } = await createTestClinic();
    const { plan } = await sharedPlan(actor, { issuedAt: new Date(Date.now() - 10 * day) });
    const refused = await endPlan(actor, { planId: plan.id, reason: "discharged", note: "  " }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(UserError);
    expect((refused as UserError).fieldErrors).toEqual({ note: ["Give a reason for the discharge"] });
    expect(await endPlan(stranger, { planId: plan.id, reason: "completed", note: null })).toBeNull();
    await expect(setPlanEndDate(actor, { planId: plan.id, endDate: addDays(clinicDate(), -1) })).rejects.toBeInstanceOf(UserError);
    expect(await setPlanEndDate(actor, { planId: plan.id, endDate: addDays(clinicDate(), 30) })).toMatchObject({ endDate: addDays(clinicDate(), 30) });

    await endPlan(actor, { planId: plan.id, reason: "completed", note: null });
    await expect(endPlan(actor, { planId: plan.id, reason: "completed", note: null })).rejects.toThrow("This plan has already ended.");
    await expect(setPlanEndDate(actor, { planId: plan.id, endDate: addDays(clinicDate(), 30) })).rejects.toBeInstanceOf(UserError);
    // Re-opened without a date, it would end again at once (no review date): a date is needed.
    const noDate = await reopenPlan(actor, { planId: plan.id, endDate: null }).catch((error: unknown) => error);
    expect((noDate as UserError).fieldErrors).toEqual({ endDate: ["Choose the plan's new last day"] });
    expect(await reopenPlan(stranger, { planId: plan.id, endDate: addDays(clinicDate(), 14) })).toBeNull();
    expect(await reopenPlan(actor, { planId: plan.id, endDate: addDays(clinicDate(), 14) })).toMatchObject({ status: "issued", endedAt: null, endReason: null, endDate: addDays(clinicDate(), 14) });
    expect((await listPatientsNeedingAttention(actor)).map((a) => a.planId)).toEqual([plan.id]);
  });
});

describe("acknowledging an alert", () => {
  it("keeps a pain alert quiet until a new log reaches the alert level again", async () => {
    const { actor, user } = await createTestClinic();
    const { actor: stranger } = await createTestClinic();
    const { plan, link } = await sharedPlan(actor);
    await logSession(link, input({ pain: 8 }));
    expect((await listPatientsNeedingAttention(actor)).map((a) => a.alerts)).toEqual([[{ kind: "pain", pain: 8, threshold: 7, loggedOn: clinicDate() }]]);

    expect(await acknowledgeAlert(stranger, { planId: plan.id, kind: "pain" })).toBeNull();
    expect(await listPatientsNeedingAttention(actor)).toHaveLength(1);
    expect(await acknowledgeAlert(actor, { planId: plan.id, kind: "pain" })).not.toBeNull();
    expect(await listPatientsNeedingAttention(actor)).toEqual([]);
    expect((await getPlanAdherence(actor, { planId: plan.id, items: link.snapshot.items }))?.alerts).toEqual([]);
    expect(await listAlertAcknowledgements(actor, { planId: plan.id })).toMatchObject([{ kind: "pain", byName: user.name }]);
    expect(await listAlertAcknowledgements(stranger, { planId: plan.id })).toEqual([]);

    // A newer log below the alert level: still quiet (the acknowledged 8 is not counted again).
    await logSession(link, input({ pain: 2 }));
    expect(await listPatientsNeedingAttention(actor)).toEqual([]);
    // A newer log at the alert level: the alert fires again, with the new score.
    await logSession(link, input({ pain: 7 }));
    expect((await listPatientsNeedingAttention(actor)).map((a) => a.alerts)).toEqual([[{ kind: "pain", pain: 7, threshold: 7, loggedOn: clinicDate() }]]);
    const audit = await db.execute(sql`select actor_id, detail->>'kind' as kind from audit_events where clinic_id = ${actor.clinicId} and action = 'alert.acknowledged'`);
    expect(audit).toEqual([{ actor_id: user.id, kind: "pain" }]);
  });

  it("keeps a silence alert quiet until a session newer than the acknowledgement", async () => {
    const { actor } = await createTestClinic();
    const { plan } = await sharedPlan(actor, { issuedAt: new Date(Date.now() - 20 * day) });
    expect((await listPatientsNeedingAttention(actor)).map((a) => a.alerts)).toEqual([[{ kind: "silence", days: 20 }]]);
    await acknowledgeAlert(actor, { planId: plan.id, kind: "silence" });
    expect(await listPatientsNeedingAttention(actor)).toEqual([]);
    // Acknowledged 15 days ago; a session 10 days ago is newer, and 10 quiet days since it alert again.
    await db.update(alertAcknowledgements).set({ acknowledgedAt: new Date(Date.now() - 15 * day) }).where(eq(alertAcknowledgements.planId, plan.id));
    expect(await listPatientsNeedingAttention(actor)).toEqual([]);
    await backdated(actor, plan.id, 10, 2);
    expect((await listPatientsNeedingAttention(actor)).map((a) => a.alerts)).toEqual([[{ kind: "silence", days: 10 }]]);
  });

  it("is quiet only while the acknowledgement is newer than the last activity", () => {
    const base = { painAlertAt: 7, recentPain: null, recentPainOn: null, hasLiveLink: true, issuedAt: new Date("2026-03-01T12:00:00Z") };
    const now = new Date("2026-03-20T12:00:00Z");
    expect(alertsOf({ ...base, lastLoggedAt: null, silenceAcknowledgedAt: new Date("2026-03-01T12:00:00Z") }, now)).toEqual([]);
    expect(alertsOf({ ...base, lastLoggedAt: new Date("2026-03-05T12:00:00Z"), silenceAcknowledgedAt: new Date("2026-03-04T12:00:00Z") }, now)).toEqual([
      { kind: "silence", days: 15 },
    ]);
  });
});

describe("the dashboard's attention list", () => {
  it("puts the most urgent first, then the oldest, a page at a time", async () => {
    const { actor } = await createTestClinic();
    const make = async (issuedDaysAgo: number, log?: { daysAgo: number; pain: number }) => {
      const { plan } = await sharedPlan(actor, { issuedAt: new Date(Date.now() - issuedDaysAgo * day) });
      if (log) await backdated(actor, plan.id, log.daysAgo, log.pain);
      return plan.id;
    };
    const silent8 = await make(8);
    const pain8Today = await make(1, { daysAgo: 0.1, pain: 8 });
    const silent12 = await make(12);
    const pain9 = await make(3, { daysAgo: 2, pain: 9 });
    const pain8Yesterday = await make(2, { daysAgo: 1, pain: 8 });
    await make(2); // no alert
    const expected = [pain9, pain8Yesterday, pain8Today, silent12, silent8];
    expect((await listPatientsNeedingAttention(actor)).map((a) => a.planId)).toEqual(expected);

    const first = await attentionPage(actor, { page: 1, pageSize: 2 });
    expect(first).toMatchObject({ total: 5, page: 1, pageCount: 3 });
    expect(first.items.map((a) => a.planId)).toEqual(expected.slice(0, 2));
    expect((await attentionPage(actor, { page: 2, pageSize: 2 })).items.map((a) => a.planId)).toEqual(expected.slice(2, 4));
    const past = await attentionPage(actor, { page: 99, pageSize: 2 });
    expect(past.page).toBe(3);
    expect(past.items.map((a) => a.planId)).toEqual([silent8]);
    expect(await attentionPage(actor, { page: 1 })).toMatchObject({ total: 5, page: 1, pageCount: 1 });
  });
});
