// The link of a plan that has ended, called as Next calls its routes, against the real database:
// a short "this plan has ended" page with the clinic's phone; no session log; no handout.
import { eq } from "drizzle-orm";
import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { clinics, plans, sessionLogs } from "@/db/schema";
import { addDays, clinicDate } from "@/lib/dates/format";
import { endPlan, reopenPlan } from "@/lib/plans/end-plan";
import { ensureShareLink } from "@/lib/sharing/links";
import { createIssuedPlan } from "@/lib/sharing/testing";
import { createTestClinic } from "@/lib/testing/fixtures";
import { GET as getHandout } from "./handout.pdf/route";
import { POST as postLog } from "./log/route";
import { GET } from "./route";

const origin = "http://physioplan.test";

async function endedPlan() {
  const { actor, clinic } = await createTestClinic();
  const { plan } = await createIssuedPlan(actor);
  const link = await ensureShareLink(actor, { planId: plan.id });
  await endPlan(actor, { planId: plan.id, reason: "discharged", note: "Referred to the knee surgeons" });
  return { actor, clinic, plan, token: link!.token! };
}

const params = (token: string) => ({ params: Promise.resolve({ token }) });

function post(token: string) {
  const body = new URLSearchParams([
    ["clientKey", crypto.randomUUID()],
    ["done", "0"],
    ["pain", "4"],
  ]);
  return postLog(new NextRequest(`${origin}/p/${token}/log`, { method: "POST", body, headers: { "Content-Type": "application/x-www-form-urlencoded" } }), params(token));
}

describe("the link of a plan that has ended", () => {
  it("shows a short page with the clinic's phone, as the patient page is sent, and nothing of the plan", async () => {
    const { clinic, token } = await endedPlan();
    const response = await GET(new NextRequest(`${origin}/p/${token}`), params(token));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(response.headers.get("cache-control")).toBe("no-store");
    const page = await response.text();
    expect(page).toMatch(/^<!doctype html>/);
    expect(page).not.toMatch(/<script/i);
    expect(page).toMatch(/<h1\b[^>]*>This plan has ended<\/h1>/);
    expect(page).toContain(`ran until ${new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "Europe/London" }).format(new Date())}`);
    expect(page).toContain(clinic.name);
    expect(page).toContain('href="tel:01234567890">01234 567890</a>');
    // Not the plan, its log form, its handout or why it ended.
    expect(page).not.toContain("Knee plan");
    expect(page).not.toContain(`/p/${token}/log`);
    expect(page).not.toContain("handout.pdf");
    expect(page).not.toContain("surgeons");
  });

  it("shows the clinic's phone as it is now", async () => {
    const { clinic, token } = await endedPlan();
    await db.update(clinics).set({ phone: "+44 20 7946 0000" }).where(eq(clinics.id, clinic.id));
    const page = await (await GET(new NextRequest(`${origin}/p/${token}`), params(token))).text();
    expect(page).toContain('href="tel:+442079460000">+44 20 7946 0000</a>');
  });

  it("dials a US number's digits, leaving its extension to the person calling", async () => {
    const { clinic, token } = await endedPlan();
    await db.update(clinics).set({ phone: "(312) 555-0147 ext 12" }).where(eq(clinics.id, clinic.id));
    const page = await (await GET(new NextRequest(`${origin}/p/${token}`), params(token))).text();
    expect(page).toContain('href="tel:3125550147">(312) 555-0147 ext 12</a>');
  });

  it("refuses a session log with 409 and says so, storing nothing", async () => {
    const { plan, token } = await endedPlan();
    const response = await post(token);
    expect(response.status).toBe(409);
    expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
    const page = await response.text();
    expect(page).toContain('role="alert"');
    expect(page).toContain("Your session was not saved: this plan has ended");
    expect(await db.select().from(sessionLogs).where(eq(sessionLogs.planId, plan.id))).toHaveLength(0);
  });

  it("no longer serves the handout (410)", async () => {
    const { token } = await endedPlan();
    const response = await getHandout(new NextRequest(`${origin}/p/${token}/handout.pdf`), params(token));
    expect(response.status).toBe(410);
    expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(await response.text()).toContain("The handout is no longer available here");
  });

  it("ends by itself after its last day, and shows the plan again when re-opened", async () => {
    const { actor, plan, token } = await endedPlan();
    await reopenPlan(actor, { planId: plan.id, endDate: addDays(clinicDate(), 7) });
    const open = await (await GET(new NextRequest(`${origin}/p/${token}`), params(token))).text();
    expect(open).toContain(`action="/p/${token}/log"`);
    expect((await post(token)).status).toBe(303);

    await db.update(plans).set({ endDate: addDays(clinicDate(), -1) }).where(eq(plans.id, plan.id));
    const ended = await (await GET(new NextRequest(`${origin}/p/${token}`), params(token))).text();
    expect(ended).toContain("This plan has ended");
    expect((await post(token)).status).toBe(409);
  });
});
