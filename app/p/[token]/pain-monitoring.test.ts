// The log form's pain-monitoring questions as the patient's phone gets them: pain during exercise
// always, the next-day questions once there is an earlier session, swelling on knee plans only,
// and a refused submit that names the field and keeps every answer.
import crypto from "node:crypto";
import { eq } from "drizzle-orm";
import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { sessionLogs } from "@/db/schema";
import { addDays, clinicDate } from "@/lib/dates/format";
import { educationFor } from "@/lib/catalogue/conditions";
import type { PlanSnapshot } from "@/lib/plans/snapshot";
import { ensureShareLink } from "@/lib/sharing/links";
import { createIssuedPlan } from "@/lib/sharing/testing";
import { createTestClinic } from "@/lib/testing/fixtures";
import { POST as postLog } from "./log/route";
import { GET } from "./route";

const origin = "http://physioplan.test";

async function livePlan(snapshot: Partial<PlanSnapshot> = {}) {
  const { actor } = await createTestClinic();
  const { plan } = await createIssuedPlan(actor, { snapshot });
  const link = await ensureShareLink(actor, { planId: plan.id });
  const earlier = async (daysAgo: number) =>
    db.insert(sessionLogs).values({ clinicId: actor.clinicId, planId: plan.id, version: 1, loggedOn: addDays(clinicDate(), -daysAgo), itemsDone: [], pain: 3, clientKey: crypto.randomUUID() });
  return { plan, token: link!.token!, earlier };
}

const open = async (token: string) => (await GET(new NextRequest(`${origin}/p/${token}`), { params: Promise.resolve({ token }) })).text();

function post(token: string, fields: [string, string][]) {
  const request = new NextRequest(`${origin}/p/${token}/log`, { method: "POST", body: new URLSearchParams(fields), headers: { "Content-Type": "application/x-www-form-urlencoded" } });
  return postLog(request, { params: Promise.resolve({ token }) });
}

/** The page's radio buttons and checkboxes called `name`: each one's value and whether it is ticked. */
function choices(page: string, name: string): { value: string; checked: boolean }[] {
  return [...page.matchAll(new RegExp(`<input\\b[^>]*name="${name}"[^>]*>`, "g"))].map(([tag]) => ({
    value: /value="([^"]*)"/.exec(tag)?.[1] ?? "",
    checked: /\schecked\b/.test(tag),
  }));
}
const offers = (page: string, name: string, value: string) => choices(page, name).some((choice) => choice.value === value);
const ticked = (page: string, name: string) => choices(page, name).filter((choice) => choice.checked).map((choice) => choice.value);

describe("the log form's pain-monitoring questions", () => {
  it("asks pain during exercise on every log, and the next-day questions only after an earlier day's session", async () => {
    const { token, earlier } = await livePlan();
    let page = await open(token);
    expect(offers(page, "exercisePain", "6")).toBe(true);
    expect(page).not.toContain('name="nextDay"');
    await earlier(0); // today's own earlier log is not "the last session" for a morning-after question
    expect(await open(token)).not.toContain('name="nextDay"');
    await earlier(2);
    page = await open(token);
    expect(page).toMatch(/After your last session \(\w{3} \d{1,2} \w{3}\)/);
    expect(page).toContain("How were your pain and stiffness the next morning, compared with before the session?");
    expect(offers(page, "nextDay", "worse")).toBe(true);
    expect(offers(page, "swelling", "worse")).toBe(true);
    expect(page).toContain(">More swollen</span>");
  });

  it("does not ask a back plan about knee swelling", async () => {
    const { token, earlier } = await livePlan({ conditions: educationFor(["nslbp"]).conditions });
    await earlier(1);
    const page = await open(token);
    expect(offers(page, "nextDay", "better")).toBe(true);
    expect(page).not.toContain('name="swelling"');
  });

  it("saves the answers, and refuses a bad one with a 400 that names the field and keeps everything typed", async () => {
    const { plan, token, earlier } = await livePlan();
    await earlier(1);
    const fields: [string, string][] = [
      ["clientKey", crypto.randomUUID()],
      ["done", "1"],
      ["pain", "4"],
      ["exercisePain", "12"],
      ["nextDay", "worse"],
      ["swelling", "worse"],
      ["comment", "Stairs were hard"],
    ];
    const refused = await post(token, fields);
    expect(refused.status).toBe(400);
    const page = await refused.text();
    expect(page).toMatch(/<p id="exercisePain-error"[^>]*>Choose how much pain you had during the exercises, from 0 to 10<\/p>/);
    expect(page).toContain('aria-describedby="exercisePain-error exercisePain-hint"');
    expect(ticked(page, "pain")).toEqual(["4"]);
    expect(ticked(page, "nextDay")).toEqual(["worse"]);
    expect(ticked(page, "swelling")).toEqual(["worse"]);
    expect(ticked(page, "done")).toEqual(["1"]);
    expect(page).toContain(">Stairs were hard</textarea>");
    expect(await db.select().from(sessionLogs).where(eq(sessionLogs.planId, plan.id))).toHaveLength(1);

    const wrongChoice = await post(token, fields.map(([name, value]) => [name, name === "exercisePain" ? "6" : name === "nextDay" ? "awful" : value]));
    expect(wrongChoice.status).toBe(400);
    const again = await wrongChoice.text();
    expect(again).toMatch(/<p id="nextDay-error"[^>]*>Choose better, the same or worse<\/p>/);
    expect(ticked(again, "exercisePain")).toEqual(["6"]);

    const saved = await post(token, fields.map(([name, value]) => [name, name === "exercisePain" ? "6" : value]));
    expect(saved.status).toBe(303);
    const rows = await db.select().from(sessionLogs).where(eq(sessionLogs.planId, plan.id)).orderBy(sessionLogs.createdAt);
    expect(rows[1]).toMatchObject({ pain: 4, exercisePain: 6, nextDay: "worse", swelling: "worse", nextDayOf: addDays(clinicDate(), -1), comment: "Stairs were hard" });
  });
});
