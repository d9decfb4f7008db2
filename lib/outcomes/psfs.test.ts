// The PSFS store against the real database: the clinician's records, the request, the patient's
// answer, scoping by clinic, audit in the same transaction, and nothing half-written.
import crypto from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { auditEvents, clinics, outcomeMeasures, outcomeRequests, outcomeScores, plans, psfsActivities, sessionLogs } from "@/db/schema";
import { dateInZone } from "@/lib/dates/format";
import { UserError } from "@/lib/errors";
import { endPlan } from "@/lib/plans/end-plan";
import { ensureShareLink, resolveShareToken, resolveShareTokenForPage } from "@/lib/sharing/links";
import { createIssuedPlan } from "@/lib/sharing/testing";
import { createTestClinic } from "@/lib/testing/fixtures";
import { getPlanOutcomes, psfsRequestForLink, recordClinicianPsfs, recordPatientPsfs, setPsfsRequest } from "./psfs";

async function sharedPlan() {
  const { actor, clinic } = await createTestClinic();
  const { plan } = await createIssuedPlan(actor);
  const token = (await ensureShareLink(actor, { planId: plan.id }))!.token!;
  return { actor, clinic, plan, token };
}

async function rowsOf(clinicId: string) {
  const [measures, scores, activities, requests] = await Promise.all([
    db.select().from(outcomeMeasures).where(eq(outcomeMeasures.clinicId, clinicId)),
    db.select().from(outcomeScores).where(eq(outcomeScores.clinicId, clinicId)),
    db.select().from(psfsActivities).where(eq(psfsActivities.clinicId, clinicId)),
    db.select().from(outcomeRequests).where(eq(outcomeRequests.clinicId, clinicId)),
  ]);
  return { measures, scores, activities, requests };
}

async function auditActions(clinicId: string) {
  const rows = await db.select({ action: auditEvents.action, detail: auditEvents.detail }).from(auditEvents).where(eq(auditEvents.clinicId, clinicId)).orderBy(auditEvents.id);
  return rows.filter((row) => row.action.startsWith("outcome."));
}

async function refusal(run: () => Promise<unknown>): Promise<UserError> {
  const error = await run().then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(UserError);
  return error as UserError;
}

const baseline = { name0: "Climbing stairs", score0: "2", name1: "Kneeling to garden", score1: "3" };

describe("the clinician's PSFS", () => {
  it("records a baseline naming the activities, then a review scoring the same ones, audited", async () => {
    const { actor, plan } = await sharedPlan();
    const first = await recordClinicianPsfs(actor, { planId: plan.id, recordedOn: "2026-11-02", values: baseline });
    expect(first).toMatchObject({ average: 2.5 });
    let outcomes = (await getPlanOutcomes(actor, { planId: plan.id }))!;
    expect(outcomes.activities.map((a) => [a.position, a.name])).toEqual([
      [0, "Climbing stairs"],
      [1, "Kneeling to garden"],
    ]);
    const [stairs, kneeling] = outcomes.activities;
    // A review rates every named activity: one missing is a field error and stores nothing.
    const missing = await refusal(() => recordClinicianPsfs(actor, { planId: plan.id, recordedOn: null, values: { score0: "6" } }));
    expect(missing.fieldErrors).toHaveProperty("score1");
    expect((await rowsOf(actor.clinicId)).measures).toHaveLength(1);

    await recordClinicianPsfs(actor, { planId: plan.id, recordedOn: null, values: { score0: "6", score1: "5" } });
    outcomes = (await getPlanOutcomes(actor, { planId: plan.id }))!;
    expect(outcomes.occasions.map((o) => [o.recordedOn, o.source, o.recordedByName, o.scores[stairs.id], o.scores[kneeling.id]])).toEqual([
      ["2026-11-02", "clinician", actor.name, 2, 3],
      [outcomes.today, "clinician", actor.name, 6, 5],
    ]);
    const audit = await auditActions(actor.clinicId);
    expect(audit.map((a) => a.action)).toEqual(["outcome.recorded", "outcome.recorded"]);
    expect(audit[1].detail).toMatchObject({ planId: plan.id, source: "clinician", average: 5.5, activities: 2 });
  });

  it("refuses a date in the future (in the clinic's calendar) and an archived plan, and stores nothing", async () => {
    const { actor, plan } = await sharedPlan();
    await db.update(clinics).set({ timeZone: "Pacific/Kiritimati" }).where(eq(clinics.id, actor.clinicId));
    const today = dateInZone(new Date(), "Pacific/Kiritimati");
    // "Today" is the clinic's: in Kiritimati (UTC+14) that may already be tomorrow in London.
    await recordClinicianPsfs(actor, { planId: plan.id, recordedOn: today, values: { name0: "Running", score0: "4" } });
    const tomorrow = new Date(Date.parse(`${today}T12:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    const future = await refusal(() => recordClinicianPsfs(actor, { planId: plan.id, recordedOn: tomorrow, values: { score0: "4" } }));
    expect(future.fieldErrors).toHaveProperty("recordedOn");
    await db.update(plans).set({ status: "archived" }).where(eq(plans.id, plan.id));
    await refusal(() => recordClinicianPsfs(actor, { planId: plan.id, recordedOn: null, values: { score0: "4" } }));
    expect((await rowsOf(actor.clinicId)).measures).toHaveLength(1);
  });

  it("rolls back the whole record when a write fails part-way: no activity without its scores", async () => {
    const { actor, plan } = await sharedPlan();
    // A name the form would refuse (over 80 characters) reaching the table is refused by its check: nothing of the record stays.
    await expect(
      db.transaction(async (tx) => {
        const [measure] = await tx.insert(outcomeMeasures).values({ clinicId: actor.clinicId, planId: plan.id, kind: "psfs", recordedOn: "2026-11-02", source: "clinician" }).returning();
        await tx.insert(psfsActivities).values({ clinicId: actor.clinicId, planId: plan.id, position: 0, name: "x".repeat(81) });
        return measure;
      }),
    ).rejects.toThrow();
    await expect(db.insert(outcomeScores).values({ measureId: crypto.randomUUID(), activityId: crypto.randomUUID(), clinicId: actor.clinicId, score: 11 })).rejects.toThrow();
    expect(await rowsOf(actor.clinicId)).toMatchObject({ measures: [], activities: [], scores: [] });
  });

  it("is invisible to another clinic, which can neither read nor write it", async () => {
    const { actor, plan } = await sharedPlan();
    await recordClinicianPsfs(actor, { planId: plan.id, recordedOn: null, values: baseline });
    const { actor: other } = await createTestClinic();
    expect(await getPlanOutcomes(other, { planId: plan.id })).toBeNull();
    expect(await recordClinicianPsfs(other, { planId: plan.id, recordedOn: null, values: { score0: "9", score1: "9" } })).toBeNull();
    expect(await setPsfsRequest(other, { planId: plan.id, open: true })).toBeNull();
    expect(await getPlanOutcomes(other, { planId: "not-a-uuid" })).toBeNull();
    const rows = await rowsOf(actor.clinicId);
    expect(rows.measures).toHaveLength(1);
    expect(rows.requests).toHaveLength(0);
    expect(await rowsOf(other.clinicId)).toMatchObject({ measures: [], activities: [], scores: [], requests: [] });
  });
});

describe("asking the patient", () => {
  it("opens one request at a time, shows it with the link, and closes it when turned off, audited", async () => {
    const { actor, plan, token } = await sharedPlan();
    expect((await resolveShareTokenForPage(token))!.psfsRequest).toBeNull();
    expect(await setPsfsRequest(actor, { planId: plan.id, open: true })).toBe(true);
    expect(await setPsfsRequest(actor, { planId: plan.id, open: true })).toBe(false);
    expect((await resolveShareTokenForPage(token))!.psfsRequest).toEqual({ activities: [] });
    await recordClinicianPsfs(actor, { planId: plan.id, recordedOn: null, values: baseline });
    const page = (await resolveShareTokenForPage(token))!;
    expect(page.psfsRequest!.activities.map((a) => a.name)).toEqual(["Climbing stairs", "Kneeling to garden"]);
    expect(await psfsRequestForLink(page.link)).toEqual(page.psfsRequest);
    expect((await getPlanOutcomes(actor, { planId: plan.id }))!.request).toMatchObject({ byName: actor.name });

    expect(await setPsfsRequest(actor, { planId: plan.id, open: false })).toBe(true);
    expect(await setPsfsRequest(actor, { planId: plan.id, open: false })).toBe(false);
    expect((await resolveShareTokenForPage(token))!.psfsRequest).toBeNull();
    expect((await auditActions(actor.clinicId)).map((a) => a.action)).toEqual(["outcome.requested", "outcome.recorded", "outcome.request-closed"]);
  });

  it("cannot be turned on for a draft or an ended plan", async () => {
    const { actor, plan } = await sharedPlan();
    await endPlan(actor, { planId: plan.id, reason: "completed", note: null });
    await refusal(() => setPsfsRequest(actor, { planId: plan.id, open: true }));
    expect((await getPlanOutcomes(actor, { planId: plan.id }))!.canRequest).toBe(false);
    await db.update(plans).set({ status: "draft", endReason: null, endedAt: null }).where(eq(plans.id, plan.id));
    await refusal(() => setPsfsRequest(actor, { planId: plan.id, open: true }));
    expect((await rowsOf(actor.clinicId)).requests).toHaveLength(0);
  });
});

describe("the patient's answer", () => {
  async function asked() {
    const setup = await sharedPlan();
    await setPsfsRequest(setup.actor, { planId: setup.plan.id, open: true });
    return { ...setup, link: (await resolveShareToken(setup.token))! };
  }

  it("names and scores the activities at the first score, in the clinic's calendar, and closes the request", async () => {
    const { actor, plan, link } = await asked();
    const result = await recordPatientPsfs(link, { clientKey: crypto.randomUUID(), values: { name0: "Walking the dog", score0: "4" } });
    expect(result).toEqual({ status: "saved" });
    const outcomes = (await getPlanOutcomes(actor, { planId: plan.id }))!;
    expect(outcomes.activities.map((a) => a.name)).toEqual(["Walking the dog"]);
    expect(outcomes.occasions).toMatchObject([{ source: "patient", recordedByName: null, recordedOn: outcomes.today }]);
    expect(outcomes.request).toBeNull();
    const audit = await auditActions(actor.clinicId);
    expect(audit.slice(1).map((a) => [a.action, (a.detail as { source?: string; by?: string }).source ?? (a.detail as { by?: string }).by])).toEqual([
      ["outcome.recorded", "patient"],
      ["outcome.request-closed", "patient"],
    ]);
    const [measure] = (await rowsOf(actor.clinicId)).measures;
    expect(measure.recordedBy).toBeNull();
  });

  it("scores only the named activities after the first score (a posted new name is not added)", async () => {
    const { actor, plan, link } = await asked();
    await recordClinicianPsfs(actor, { planId: plan.id, recordedOn: null, values: baseline });
    const invalid = await recordPatientPsfs(link, { clientKey: crypto.randomUUID(), values: { score0: "5" } });
    expect(invalid).toMatchObject({ status: "invalid", fieldErrors: { score1: [expect.any(String)] } });
    expect(await recordPatientPsfs(link, { clientKey: crypto.randomUUID(), values: { score0: "5", score1: "7", name2: "Smuggled", score2: "1" } })).toEqual({ status: "saved" });
    const outcomes = (await getPlanOutcomes(actor, { planId: plan.id }))!;
    expect(outcomes.activities).toHaveLength(2);
    expect(outcomes.occasions.at(-1)!.scores).toEqual({ [outcomes.activities[0].id]: 5, [outcomes.activities[1].id]: 7 });
  });

  it("stores a double submit once, and refuses an answer nobody asked for", async () => {
    const { actor, link } = await asked();
    const clientKey = crypto.randomUUID();
    expect(await recordPatientPsfs(link, { clientKey, values: { name0: "Running", score0: "3" } })).toEqual({ status: "saved" });
    expect(await recordPatientPsfs(link, { clientKey, values: { name0: "Running", score0: "3" } })).toEqual({ status: "duplicate" });
    expect(await recordPatientPsfs(link, { clientKey: crypto.randomUUID(), values: { score0: "9" } })).toEqual({ status: "not-requested" });
    expect((await rowsOf(actor.clinicId)).measures).toHaveLength(1);
  });

  it("is refused once the plan has ended, like a session log", async () => {
    const { actor, plan, token } = await asked();
    await endPlan(actor, { planId: plan.id, reason: "completed", note: null });
    const link = (await resolveShareToken(token))!;
    expect(link.ended).toBe(true);
    expect(await recordPatientPsfs(link, { clientKey: crypto.randomUUID(), values: { name0: "Running", score0: "3" } })).toEqual({ status: "ended" });
    // A link resolved just before the plan ended is refused inside the transaction too.
    const stale = { ...link, ended: false };
    expect(await recordPatientPsfs(stale, { clientKey: crypto.randomUUID(), values: { name0: "Running", score0: "3" } })).toEqual({ status: "ended" });
    expect((await rowsOf(actor.clinicId)).measures).toHaveLength(0);
  });
});

describe("NPRS weekly averages on the plan page", () => {
  it("averages the plan's session logs by week", async () => {
    const { actor, plan } = await sharedPlan();
    const outcomesBefore = (await getPlanOutcomes(actor, { planId: plan.id }))!;
    const thisMonday = outcomesBefore.painWeeks.at(-1)!.weekStart;
    const lastWeek = new Date(Date.parse(`${thisMonday}T12:00:00Z`) - 7 * 86_400_000).toISOString().slice(0, 10);
    for (const [loggedOn, pain] of [
      [lastWeek, 6],
      [lastWeek, 3],
      [thisMonday, 2],
    ] as const) {
      await db.insert(sessionLogs).values({ clinicId: actor.clinicId, planId: plan.id, version: 1, loggedOn, itemsDone: [], pain, clientKey: crypto.randomUUID() });
    }
    const weeks = (await getPlanOutcomes(actor, { planId: plan.id }))!.painWeeks;
    expect(weeks.slice(-2)).toEqual([
      { weekStart: lastWeek, sessions: 2, average: 4.5 },
      { weekStart: thisMonday, sessions: 1, average: 2 },
    ]);
    // Another clinic's logs on the same dates do not count.
    const { actor: other } = await createTestClinic();
    const { plan: theirs } = await createIssuedPlan(other);
    await db.insert(sessionLogs).values({ clinicId: other.clinicId, planId: theirs.id, version: 1, loggedOn: thisMonday, itemsDone: [], pain: 10, clientKey: crypto.randomUUID() });
    expect((await getPlanOutcomes(actor, { planId: plan.id }))!.painWeeks.at(-1)).toEqual({ weekStart: thisMonday, sessions: 1, average: 2 });
    expect(await db.select({ n: sql<number>`count(*)::int` }).from(sessionLogs).where(and(eq(sessionLogs.planId, plan.id)))).toEqual([{ n: 3 }]);
  });

  it("counts a New York clinic's weeks in New York: a late Sunday-evening log is in the week it ends, not London's next one", async () => {
    const { actor, plan } = await sharedPlan();
    await db.update(clinics).set({ timeZone: "America/New_York" }).where(eq(clinics.id, actor.clinicId));
    const thisMonday = (await getPlanOutcomes(actor, { planId: plan.id }))!.painWeeks.at(-1)!.weekStart;
    const lastMonday = new Date(Date.parse(`${thisMonday}T12:00:00Z`) - 7 * 86_400_000).toISOString().slice(0, 10);
    const weekBefore = new Date(Date.parse(`${thisMonday}T12:00:00Z`) - 14 * 86_400_000).toISOString().slice(0, 10);
    // 02:30 UTC on a Monday: Monday in London (02:30 or 03:30), still Sunday evening in New York (21:30 or 22:30).
    const createdAt = new Date(`${lastMonday}T02:30:00Z`);
    expect(dateInZone(createdAt, "Europe/London")).toBe(lastMonday);
    // Stored as the session log stores it: London's date of the moment.
    await db.insert(sessionLogs).values({ clinicId: actor.clinicId, planId: plan.id, version: 1, loggedOn: lastMonday, createdAt, itemsDone: [], pain: 7, clientKey: crypto.randomUUID() });
    const weeks = (await getPlanOutcomes(actor, { planId: plan.id }))!.painWeeks;
    expect(weeks.filter((week) => week.sessions > 0)).toEqual([{ weekStart: weekBefore, sessions: 1, average: 7 }]);
    expect(weeks.find((week) => week.weekStart === lastMonday)).toEqual({ weekStart: lastMonday, sessions: 0, average: null });
  });
});
