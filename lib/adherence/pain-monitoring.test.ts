// The pain-monitoring model in the session log and the alerts (clinical brief §3): pain during
// exercise above 5, pain or stiffness worse the morning after, and a knee more swollen the
// morning after, each raising an alert that says why, and each quiet once acknowledged until newer data.
import crypto from "node:crypto";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { sessionLogs } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { educationFor } from "@/lib/catalogue/conditions";
import { endPlan } from "@/lib/plans/end-plan";
import { ensureShareLink, resolveShareToken } from "@/lib/sharing/links";
import { createIssuedPlan } from "@/lib/sharing/testing";
import { createTestClinic } from "@/lib/testing/fixtures";
import { fixtureSnapshot } from "@/lib/handout/fixture";
import type { PlanSnapshot } from "@/lib/plans/snapshot";
import { acknowledgeAlert } from "./acknowledge";
import { alertsOf, describeAlert, type AlertInput } from "./alerts";
import { addDays, clinicDate, formatShortDate } from "@/lib/dates/format";
import { isKneePlan } from "./knee";
import { logSession, sessionLogInputSchema } from "./log-session";
import { getPlanAdherence, listPatientsNeedingAttention } from "./summary";

const day = 86_400_000;

async function sharedPlan(actor: Actor, snapshot: Partial<PlanSnapshot> = {}) {
  const { plan } = await createIssuedPlan(actor, { snapshot, issuedAt: new Date(Date.now() - 10 * day) });
  const link = await ensureShareLink(actor, { planId: plan.id });
  return { plan, link: (await resolveShareToken(link!.token!))! };
}

type Extra = { exercisePain?: number | null; nextDay?: "better" | "same" | "worse" | null; swelling?: "better" | "same" | "worse" | null; nextDayOf?: string | null };

/** A session as if logged `daysAgo` days ago. */
async function backdated(actor: Actor, planId: string, daysAgo: number, extra: Extra = {}) {
  const at = new Date(Date.now() - daysAgo * day);
  await db.insert(sessionLogs).values({ clinicId: actor.clinicId, planId, version: 1, loggedOn: clinicDate(at), itemsDone: [], pain: 2, clientKey: crypto.randomUUID(), createdAt: at, ...extra });
}

const key = () => crypto.randomUUID();

describe("the session log's pain-monitoring questions", () => {
  it("parses pain during exercise and the next-day answers, all optional, and names the field that is wrong", () => {
    const clientKey = key();
    expect(sessionLogInputSchema.parse({ clientKey, pain: "3", exercisePain: "6", nextDay: "worse", swelling: "same" })).toMatchObject({
      pain: 3,
      exercisePain: 6,
      nextDay: "worse",
      swelling: "same",
    });
    const bare = sessionLogInputSchema.parse({ clientKey, pain: "3", exercisePain: "", nextDay: "" });
    expect([bare.exercisePain, bare.nextDay, bare.swelling]).toEqual([undefined, undefined, undefined]);
    for (const [field, value, message] of [
      ["exercisePain", "11", "Choose how much pain you had during the exercises, from 0 to 10"],
      ["exercisePain", "two", "Choose how much pain you had during the exercises, from 0 to 10"],
      ["exercisePain", "4.5", "Choose how much pain you had during the exercises, from 0 to 10"],
      ["nextDay", "terrible", "Choose better, the same or worse"],
      ["swelling", "huge", "Choose less swollen, no change or more swollen"],
    ]) {
      const parsed = sessionLogInputSchema.safeParse({ clientKey, pain: "3", [field]: value });
      expect(parsed.error?.issues.map((issue) => [issue.path.join("."), issue.message])).toEqual([[field, message]]);
    }
  });

  it("asks about swelling on knee plans only", () => {
    expect(isKneePlan(fixtureSnapshot())).toBe(true);
    expect(isKneePlan(fixtureSnapshot({ conditions: educationFor(["nslbp"]).conditions }))).toBe(false);
    expect(isKneePlan(fixtureSnapshot({ conditions: [] }))).toBe(true);
    const backItems = fixtureSnapshot().items.map((item) => ({ ...item, slug: "bird-dog" }));
    expect(isKneePlan(fixtureSnapshot({ conditions: [], items: backItems }))).toBe(false);
  });

  it("stores pain during exercise, and next-day answers against the session before today (none, none kept)", async () => {
    const { actor } = await createTestClinic();
    const { plan, link } = await sharedPlan(actor);
    // A first session: nothing before it for a next-day answer to be about.
    await logSession(link, { clientKey: key(), done: [0], pain: 3, exercisePain: 4, nextDay: "worse", swelling: "worse", comment: null });
    let [row] = await db.select().from(sessionLogs).where(eq(sessionLogs.planId, plan.id));
    expect(row).toMatchObject({ pain: 3, exercisePain: 4, nextDay: null, swelling: null, nextDayOf: null });

    await db.delete(sessionLogs).where(eq(sessionLogs.planId, plan.id));
    await backdated(actor, plan.id, 2);
    await logSession(link, { clientKey: key(), done: [0], pain: 3, exercisePain: 7, nextDay: "worse", swelling: "worse", comment: null });
    [row] = await db.select().from(sessionLogs).where(eq(sessionLogs.planId, plan.id)).orderBy(sessionLogs.createdAt).offset(1);
    expect(row).toMatchObject({ exercisePain: 7, nextDay: "worse", swelling: "worse", nextDayOf: addDays(clinicDate(), -2) });

    // A back plan is not asked about swelling, and keeps none sent anyway.
    const back = await sharedPlan(actor, { conditions: educationFor(["nslbp"]).conditions });
    await backdated(actor, back.plan.id, 1);
    await logSession(back.link, { clientKey: key(), done: [], pain: 2, nextDay: "better", swelling: "worse", comment: null });
    const rows = await db.select().from(sessionLogs).where(eq(sessionLogs.planId, back.plan.id)).orderBy(sessionLogs.createdAt);
    expect(rows[1]).toMatchObject({ exercisePain: null, nextDay: "better", swelling: null, nextDayOf: addDays(clinicDate(), -1) });
  });
});

describe("the pain-monitoring alert rules", () => {
  const base: AlertInput = { painAlertAt: 7, recentPain: null, recentPainOn: null, lastLoggedAt: new Date("2026-12-04T12:00:00Z"), issuedAt: new Date("2026-12-01T12:00:00Z"), hasLiveLink: true };
  const now = new Date("2026-12-05T12:00:00Z");
  const words = (input: Partial<AlertInput>) => alertsOf({ ...base, ...input }, now).map((alert) => describeAlert(alert, formatShortDate));

  it("fires on pain during exercise above 5, not at 5", () => {
    expect(words({ exercisePain: 5, exercisePainOn: "2026-12-03" })).toEqual([]);
    expect(words({ exercisePain: 7, exercisePainOn: "2026-12-03" })).toEqual(["Pain during exercise 7/10 on 3 Dec (above 5)"]);
  });

  it("fires when pain or stiffness was worse the morning after 2 of the last 3 sessions, not after 1", () => {
    const answer = (change: "better" | "same" | "worse", about: string) => ({ change, about });
    expect(words({ nextDayAnswers: [answer("worse", "2026-12-04"), answer("same", "2026-12-03"), answer("better", "2026-12-02")] })).toEqual([]);
    expect(words({ nextDayAnswers: [answer("same", "2026-12-04"), answer("worse", "2026-12-03"), answer("worse", "2026-12-01")] })).toEqual([
      "Pain or stiffness worse the morning after 2 of the last 3 sessions (the latest after the session on 3 Dec)",
    ]);
    expect(words({ nextDayAnswers: [answer("worse", "2026-12-04"), answer("worse", "2026-12-03")] })).toEqual([
      "Pain or stiffness worse the morning after 2 of the last 2 sessions (the latest after the session on 4 Dec)",
    ]);
    // Only the newest three count: two "worse" answers before three settled ones raise nothing.
    expect(
      words({ nextDayAnswers: [answer("better", "2026-12-04"), answer("same", "2026-12-03"), answer("same", "2026-12-02"), answer("worse", "2026-12-01"), answer("worse", "2026-11-30")] }),
    ).toEqual([]);
  });

  it("fires when the knee was more swollen the morning after a session", () => {
    expect(words({ swellingAfter: null })).toEqual([]);
    expect(words({ swellingAfter: "2026-12-04" })).toEqual(["Knee more swollen the morning after the session on 4 Dec"]);
  });
});

describe("pain-monitoring alerts on the plan and the dashboard", () => {
  it("fire from logged sessions with their reasons, most urgent first, and not from old or ended plans", async () => {
    const { actor } = await createTestClinic();
    const exercise = await sharedPlan(actor);
    await backdated(actor, exercise.plan.id, 1, { exercisePain: 8 });
    await backdated(actor, exercise.plan.id, 5, { exercisePain: 9 }); // older than three days: not counted
    const worse = await sharedPlan(actor);
    await backdated(actor, worse.plan.id, 3, { nextDay: "worse", nextDayOf: addDays(clinicDate(), -4) });
    await backdated(actor, worse.plan.id, 2, { nextDay: "same", nextDayOf: addDays(clinicDate(), -3) });
    await backdated(actor, worse.plan.id, 1, { nextDay: "worse", nextDayOf: addDays(clinicDate(), -2), swelling: "worse" });
    const settled = await sharedPlan(actor);
    await backdated(actor, settled.plan.id, 1, { exercisePain: 5, nextDay: "worse", nextDayOf: addDays(clinicDate(), -2), swelling: "same" });
    const ended = await sharedPlan(actor);
    await backdated(actor, ended.plan.id, 1, { exercisePain: 9, swelling: "worse", nextDayOf: addDays(clinicDate(), -2) });
    await endPlan(actor, { planId: ended.plan.id, reason: "completed", note: null });

    const attention = await listPatientsNeedingAttention(actor);
    expect(attention.map((item) => item.planId)).toEqual([exercise.plan.id, worse.plan.id]);
    expect(attention[0].alerts).toEqual([{ kind: "exercise-pain", pain: 8, above: 5, loggedOn: addDays(clinicDate(), -1) }]);
    expect(attention[1].alerts).toEqual([
      { kind: "next-day", worse: 2, of: 3, latestAbout: addDays(clinicDate(), -2) },
      { kind: "swelling", about: addDays(clinicDate(), -2) },
    ]);
    const plan = await getPlanAdherence(actor, { planId: worse.plan.id, items: worse.link.snapshot.items });
    expect(plan?.alerts).toEqual(attention[1].alerts);
    expect(plan?.sessions.at(-1)).toMatchObject({ nextDay: "worse", swelling: "worse", nextDayOf: addDays(clinicDate(), -2), exercisePain: null });
  });

  it("stay quiet once acknowledged, each kind on its own, until a newer log breaks the rule again", async () => {
    const { actor } = await createTestClinic();
    const { plan, link } = await sharedPlan(actor);
    await backdated(actor, plan.id, 3, { nextDay: "worse", nextDayOf: addDays(clinicDate(), -4) });
    await backdated(actor, plan.id, 2, { nextDay: "worse", nextDayOf: addDays(clinicDate(), -3), exercisePain: 7 });
    const kinds = async () => (await listPatientsNeedingAttention(actor)).flatMap((item) => item.alerts.map((alert) => alert.kind));
    expect(await kinds()).toEqual(["exercise-pain", "next-day"]);

    await acknowledgeAlert(actor, { planId: plan.id, kind: "exercise-pain" });
    expect(await kinds()).toEqual(["next-day"]);
    await acknowledgeAlert(actor, { planId: plan.id, kind: "next-day" });
    expect(await kinds()).toEqual([]);

    // A newer session that keeps to the rules: still quiet. The acknowledged answers are not counted again,
    // so one new "worse" is not two of the last three.
    await logSession(link, { clientKey: key(), done: [0], pain: 2, exercisePain: 4, nextDay: "worse", comment: null });
    expect(await kinds()).toEqual([]);
    // A newer session above 5 during exercise fires that alert again, with the new score.
    await logSession(link, { clientKey: key(), done: [0], pain: 2, exercisePain: 6, comment: null });
    expect((await listPatientsNeedingAttention(actor))[0].alerts).toEqual([{ kind: "exercise-pain", pain: 6, above: 5, loggedOn: clinicDate() }]);
  });
});
