// "Today" is the clinic's date in its own time zone: a New York clinic's evening is still today there,
// though London has reached tomorrow. Sessions, plan ends and the dashboard count on the clinic's day.
import crypto from "node:crypto";
import { and, eq } from "drizzle-orm";
import { afterEach, describe, expect, it, vi } from "vitest";
import { db } from "@/db/client";
import { plans, sessionLogs } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { addDays, dateInZone } from "@/lib/dates/format";
import { endPlan, setPlanEndDate } from "@/lib/plans/end-plan";
import { ensureShareLink, resolveShareToken, resolveShareTokenForPage } from "@/lib/sharing/links";
import { createIssuedPlan } from "@/lib/sharing/testing";
import { createTestClinic } from "@/lib/testing/fixtures";
import { logSession } from "./log-session";
import { clinicActivity } from "./summary";

/** Sunday 8 Nov 2026, 20:00 in New York; already Monday 9 Nov, 01:00, in London. */
const newYorkEvening = new Date("2026-11-09T01:00:00Z");

afterEach(() => {
  vi.useRealTimers();
});

/** The clock reads `moment` (only `Date`: the database driver's timers keep running). */
function clockAt(moment: Date) {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(moment);
}

async function sharedPlan(actor: Actor, lastDay: string | null = null) {
  const { plan } = await createIssuedPlan(actor);
  if (lastDay) await db.update(plans).set({ endDate: lastDay }).where(eq(plans.id, plan.id));
  const link = await ensureShareLink(actor, { planId: plan.id });
  return { plan, token: link!.token! };
}

/** A New York clinic and a London clinic, each with a shared plan (ending on `lastDay` when given). */
async function twoClinics(lastDay: string | null = null) {
  const { actor: newYork } = await createTestClinic({ timeZone: "America/New_York" });
  const { actor: london } = await createTestClinic();
  return { newYork, london, inNewYork: await sharedPlan(newYork, lastDay), inLondon: await sharedPlan(london, lastDay) };
}

async function loggedOnOf(actor: Actor, planId: string): Promise<string[]> {
  const rows = await db
    .select({ loggedOn: sessionLogs.loggedOn })
    .from(sessionLogs)
    .where(and(eq(sessionLogs.planId, planId), eq(sessionLogs.clinicId, actor.clinicId)));
  return rows.map((row) => row.loggedOn);
}

const session = () => ({ clientKey: crypto.randomUUID(), done: [0], pain: 3, comment: null });

describe("the clinic's day", () => {
  it("stores a New York clinic's 20:00 session on New York's date, and a London clinic's on London's", async () => {
    const { newYork, london, inNewYork, inLondon } = await twoClinics();
    clockAt(newYorkEvening);

    expect(await logSession((await resolveShareToken(inNewYork.token))!, session())).toEqual({ status: "logged" });
    expect(await logSession((await resolveShareToken(inLondon.token))!, session())).toEqual({ status: "logged" });

    expect(await loggedOnOf(newYork, inNewYork.plan.id)).toEqual(["2026-11-08"]);
    expect(await loggedOnOf(london, inLondon.plan.id)).toEqual(["2026-11-09"]);
  });

  it("asks the next-day question about New York's yesterday, not London's", async () => {
    const { actor } = await createTestClinic({ timeZone: "America/New_York" });
    const { plan, token } = await sharedPlan(actor);
    // Saturday's session, then Sunday 20:00 in New York: Saturday was yesterday there.
    await db.insert(sessionLogs).values({ clinicId: actor.clinicId, planId: plan.id, version: 1, loggedOn: "2026-11-07", itemsDone: [], pain: 2, clientKey: crypto.randomUUID() });
    clockAt(newYorkEvening);
    await logSession((await resolveShareToken(token))!, { ...session(), nextDay: "worse" });
    const [row] = await db.select().from(sessionLogs).where(and(eq(sessionLogs.planId, plan.id), eq(sessionLogs.loggedOn, "2026-11-08")));
    expect(row).toMatchObject({ nextDay: "worse", nextDayOf: "2026-11-07" });
  });

  it("ends a New York clinic's plan at New York's midnight, a London clinic's at London's", async () => {
    const { newYork, inNewYork, inLondon } = await twoClinics("2026-11-08");
    clockAt(newYorkEvening);

    // Sunday evening in New York: its last day has not passed, and the patient can still log.
    expect((await resolveShareToken(inNewYork.token))!.ended).toBe(false);
    expect(await logSession((await resolveShareToken(inNewYork.token))!, session())).toEqual({ status: "logged" });
    expect((await resolveShareToken(inLondon.token))!.ended).toBe(true);
    expect(await logSession((await resolveShareToken(inLondon.token))!, session())).toEqual({ status: "ended" });

    // Today is still a valid last day in New York; in London it is yesterday.
    expect(await setPlanEndDate(newYork, { planId: inNewYork.plan.id, endDate: "2026-11-08" })).toMatchObject({ endDate: "2026-11-08" });
    // Completed now, the New York plan's last day is New York's today.
    expect(await endPlan(newYork, { planId: inNewYork.plan.id, reason: "completed", note: null })).toMatchObject({ status: "ended", endDate: "2026-11-08" });

    // Midnight in New York (05:00 in London): a running plan whose last day was Sunday has ended.
    const other = await sharedPlan(newYork, "2026-11-08");
    expect((await resolveShareToken(other.token))!.ended).toBe(false);
    clockAt(new Date("2026-11-09T05:00:00Z"));
    expect((await resolveShareToken(other.token))!.ended).toBe(true);
  });

  it("counts the dashboard's week and running plans on the clinic's date", async () => {
    const { newYork, london, inNewYork, inLondon } = await twoClinics("2026-11-08");
    // Each clinic's patient exercised on Sunday 8 Nov, their own date.
    for (const [actor, planId] of [
      [newYork, inNewYork.plan.id],
      [london, inLondon.plan.id],
    ] as const) {
      await db.insert(sessionLogs).values({ clinicId: actor.clinicId, planId, version: 1, loggedOn: "2026-11-08", itemsDone: [], pain: 2, clientKey: crypto.randomUUID() });
    }
    clockAt(newYorkEvening);

    // Still Sunday in New York: the week that began on Monday 2 Nov, and the plan still runs.
    expect(await clinicActivity(newYork)).toEqual({ activePatients: 1, issuedPlans: 1, sessionsThisWeek: 1 });
    // Monday in London: a new week, and the plan's last day has passed.
    expect(await clinicActivity(london)).toEqual({ activePatients: 1, issuedPlans: 0, sessionsThisWeek: 0 });
  });

  it("shows the patient page the last 14 days of the clinic's calendar", async () => {
    // A zone whose date differs from London's right now: ahead of it late in the UTC day, behind it early.
    const now = new Date();
    const zone = dateInZone(now, "Pacific/Kiritimati") !== dateInZone(now, "Europe/London") ? "Pacific/Kiritimati" : "Pacific/Pago_Pago";
    const { actor } = await createTestClinic({ timeZone: zone });
    const { plan, token } = await sharedPlan(actor);
    const today = dateInZone(now, zone);
    for (const daysAgo of [0, 13, 14]) {
      await db.insert(sessionLogs).values({ clinicId: actor.clinicId, planId: plan.id, version: 1, loggedOn: addDays(today, -daysAgo), itemsDone: [], pain: daysAgo % 10, clientKey: crypto.randomUUID() });
    }
    const page = await resolveShareTokenForPage(token);
    expect(page!.link.timeZone).toBe(zone);
    expect(page!.recentSessions.map((s) => s.loggedOn)).toEqual([today, addDays(today, -13)]);
  });
});
