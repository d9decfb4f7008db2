// The patient's PSFS form and its post, called as Next calls the routes, against the real database:
// shown first on the page while the clinician asks, saved with a redirect, refused with the page
// itself and what was chosen, 409 once the plan has ended or nothing is asked, 413 over 16 KB.
import { eq } from "drizzle-orm";
import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { outcomeMeasures } from "@/db/schema";
import { getPlanOutcomes, recordClinicianPsfs, setPsfsRequest } from "@/lib/outcomes/psfs";
import { endPlan } from "@/lib/plans/end-plan";
import { ensureShareLink } from "@/lib/sharing/links";
import { createIssuedPlan } from "@/lib/sharing/testing";
import { createTestClinic } from "@/lib/testing/fixtures";
import { GET } from "../route";
import { POST } from "./route";

const origin = "http://physioplan.test";
const params = (token: string) => ({ params: Promise.resolve({ token }) });

async function askedPlan({ named = false } = {}) {
  const { actor } = await createTestClinic();
  const { plan } = await createIssuedPlan(actor);
  const token = (await ensureShareLink(actor, { planId: plan.id }))!.token!;
  if (named) await recordClinicianPsfs(actor, { planId: plan.id, recordedOn: null, values: { name0: "Climbing stairs", score0: "2", name1: "Kneeling <to> garden", score1: "3" } });
  await setPsfsRequest(actor, { planId: plan.id, open: true });
  return { actor, plan, token };
}

function post(token: string, fields: [string, string][], headers: Record<string, string> = {}) {
  const body = new URLSearchParams(fields);
  return POST(new NextRequest(`${origin}/p/${token}/activities`, { method: "POST", body, headers: { "Content-Type": "application/x-www-form-urlencoded", ...headers } }), params(token));
}

async function page(token: string, query = "") {
  const response = await GET(new NextRequest(`${origin}/p/${token}${query}`), params(token));
  return { status: response.status, text: await response.text() };
}

const clientKey = () => ["clientKey", crypto.randomUUID()] as [string, string];

/** The first <name …> tag in the page that has `has` among its attributes. */
function tagOf(page: string, name: string, has: string): string {
  const tag = [...page.matchAll(new RegExp(`<${name}\\b[^>]*>`, "g"))].map(([found]) => found).find((found) => found.includes(has));
  expect(tag, `<${name} ${has}>`).toBeDefined();
  return tag!;
}

describe("the patient's activity scores", () => {
  it("shows nothing until the clinician asks, then the form first on the page, with no script", async () => {
    const { actor } = await createTestClinic();
    const { plan } = await createIssuedPlan(actor);
    const token = (await ensureShareLink(actor, { planId: plan.id }))!.token!;
    expect((await page(token)).text).not.toContain('id="activities"');
    await setPsfsRequest(actor, { planId: plan.id, open: true });
    const { status, text } = await page(token);
    expect(status).toBe(200);
    expect(text).not.toMatch(/<script/i);
    expect(tagOf(text, "form", `action="/p/${token}/activities"`)).toContain('method="post"');
    // First in <main>, before the exercises; five rows to name, the first needed.
    expect(text.indexOf('id="activities"')).toBeLessThan(text.indexOf('id="exercises"'));
    expect(text).toContain('name="name0"');
    expect(text).toContain('name="name4"');
    const firstName = tagOf(text, "input", 'id="activity-name-0"');
    for (const attribute of ['name="name0"', 'type="text"', /maxlength="80"/i, 'value=""', /\srequired\b/]) expect(firstName).toMatch(attribute);
    expect(text.match(/name="score0"/g)).toHaveLength(11);
  });

  it("lists the activities already named, escaped, each with 0–10 choices", async () => {
    const { token } = await askedPlan({ named: true });
    const { text } = await page(token);
    expect(text).toContain("1. Climbing stairs</legend>");
    expect(text).toContain("2. Kneeling &lt;to&gt; garden</legend>");
    expect(text).not.toContain('name="name0"');
    const choices = [...text.matchAll(/<input\b[^>]*name="score1"[^>]*>/g)].map(([tag]) => tag);
    expect(choices.map((tag) => /value="(\d+)"/.exec(tag)?.[1])).toEqual(Array.from({ length: 11 }, (_, score) => String(score)));
    for (const tag of choices) expect(tag).toMatch(/type="radio"[\s\S]*\srequired\b/);
  });

  it("saves with a 303 back to the page, which thanks the patient and no longer shows the form", async () => {
    const { actor, plan, token } = await askedPlan({ named: true });
    const response = await post(token, [clientKey(), ["score0", "6"], ["score1", "7"]]);
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe(`/p/${token}?activities=saved#activities`);
    const { text } = await page(token, "?activities=saved");
    expect(text).toContain("your activity scores are saved");
    expect(text).not.toContain(`/p/${token}/activities`);
    const outcomes = (await getPlanOutcomes(actor, { planId: plan.id }))!;
    expect(outcomes.occasions.at(-1)).toMatchObject({ source: "patient", scores: { [outcomes.activities[0].id]: 6, [outcomes.activities[1].id]: 7 } });
  });

  it("refuses a missing or out-of-range score with 400, the message at the field and the other choices kept", async () => {
    const { actor, token } = await askedPlan({ named: true });
    const response = await post(token, [clientKey(), ["score0", "6"], ["score1", "11"]]);
    expect(response.status).toBe(400);
    const text = await response.text();
    expect(text).toMatch(/<p id="activity-1-error"[^>]*>Choose a score from 0/);
    const chosen = [...text.matchAll(/<input\b[^>]*name="score0"[^>]*>/g)].map(([tag]) => tag).filter((tag) => /\schecked\b/.test(tag));
    expect(chosen).toHaveLength(1);
    expect(chosen[0]).toMatch(/value="6"/);
    expect(chosen[0]).toMatch(/\srequired\b/);
    expect(await db.select().from(outcomeMeasures).where(eq(outcomeMeasures.clinicId, actor.clinicId))).toHaveLength(1);
    expect((await post(token, [["clientKey", "not-a-key"], ["score0", "6"], ["score1", "6"]])).status).toBe(400);
  });

  it("keeps a first-time name the patient typed when its score is missing", async () => {
    const { token } = await askedPlan();
    const response = await post(token, [clientKey(), ["name0", "Walking to the shops"], ["name1", "x".repeat(81)], ["score1", "5"]]);
    expect(response.status).toBe(400);
    const text = await response.text();
    expect(text).toContain('value="Walking to the shops"');
    expect(text).toContain("Keep the activity to 80 characters or fewer");
  });

  it("answers 409 when nothing is asked any more, and 409 with the ended page once the plan has ended", async () => {
    const { actor, plan, token } = await askedPlan();
    await setPsfsRequest(actor, { planId: plan.id, open: false });
    const notAsked = await post(token, [clientKey(), ["name0", "Running"], ["score0", "3"]]);
    expect(notAsked.status).toBe(409);
    expect(await notAsked.text()).toContain("not asking for activity scores just now");
    await setPsfsRequest(actor, { planId: plan.id, open: true });
    await endPlan(actor, { planId: plan.id, reason: "completed", note: null });
    const ended = await post(token, [clientKey(), ["name0", "Running"], ["score0", "3"]]);
    expect(ended.status).toBe(409);
    expect(await ended.text()).toContain("Your activity scores were not saved: this plan has ended.");
    expect(await db.select().from(outcomeMeasures).where(eq(outcomeMeasures.clinicId, actor.clinicId))).toHaveLength(0);
  });

  it("refuses a body over 16 KB with 413 before reading it, and an unknown token with 404", async () => {
    const { token } = await askedPlan();
    const big = await post(token, [clientKey(), ["name0", "x".repeat(17 * 1024)], ["score0", "3"]]);
    expect(big.status).toBe(413);
    expect((await post("A".repeat(43), [clientKey(), ["name0", "Running"], ["score0", "3"]])).status).toBe(404);
  });
});
