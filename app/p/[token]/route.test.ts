// The patient page and its log form, called as Next calls them, against the real database.
import { eq } from "drizzle-orm";
import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { sessionLogs } from "@/db/schema";
import { ensureShareLink } from "@/lib/sharing/links";
import { createIssuedPlan } from "@/lib/sharing/testing";
import { createTestClinic } from "@/lib/testing/fixtures";
import { GET as getFigure } from "../../figures/[file]/route";
import { POST as postLog } from "./log/route";
import { GET } from "./route";

const origin = "http://physioplan.test";

async function livePlan(snapshot = {}) {
  const { actor } = await createTestClinic();
  const { plan } = await createIssuedPlan(actor, { snapshot });
  const link = await ensureShareLink(actor, { planId: plan.id });
  return { plan, token: link!.token! };
}

function open(token: string, query = "") {
  return GET(new NextRequest(`${origin}/p/${token}${query}`), { params: Promise.resolve({ token }) });
}

function post(token: string, fields: [string, string][]) {
  const body = new URLSearchParams(fields);
  const request = new NextRequest(`${origin}/p/${token}/log`, {
    method: "POST",
    body,
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
  });
  return postLog(request, { params: Promise.resolve({ token }) });
}

describe("GET /p/<token>", () => {
  it("fills each visit's own token and form key into the parts kept per version, and no placeholder is left", async () => {
    const [first, second] = [await livePlan(), await livePlan()];
    const keys: string[] = [];
    for (const { token } of [first, first, second]) {
      const page = await (await open(token)).text();
      expect(page).not.toContain("@@physioplan");
      expect(page).toContain(`action="/p/${token}/log"`);
      expect(page).toContain(`href="/p/${token}/handout.pdf"`);
      const key = /name="clientKey" value="([0-9a-f-]{36})"/.exec(page)?.[1];
      expect(key).toBeDefined();
      keys.push(key!);
    }
    expect(new Set(keys).size).toBe(3);
  });

  it("answers a live link with the whole plan as HTML, no script, and figures as cacheable files", async () => {
    const { token } = await livePlan();
    const response = await open(token);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(response.headers.get("cache-control")).toBe("no-store");
    const page = await response.text();
    expect(page).toMatch(/^<!doctype html>/);
    expect(page).toMatch(/<h1\b[^>]*>Knee plan<\/h1>/);
    expect(page).not.toMatch(/<script/i);
    expect(page).toMatch(/<link rel="stylesheet" href="\/patient-page.css(\?v=[0-9a-f]{12})?"\/?>/);
    expect(page).toContain(`action="/p/${token}/log"`);
    expect(page).toContain(`href="/p/${token}/handout.pdf?large=1"`);
    expect(page.match(/<article /g)).toHaveLength(12);

    const figures = [...page.matchAll(/<img src="\/figures\/([0-9a-f]{64}\.svg)" alt="([^"]+): start and end positions"/g)];
    expect(figures).toHaveLength(12);
    const file = figures[0][1];
    const figure = await getFigure(new Request(`${origin}/figures/${file}`), { params: Promise.resolve({ file }) });
    expect(figure.status).toBe(200);
    expect(figure.headers.get("content-type")).toBe("image/svg+xml");
    expect(figure.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(figure.headers.get("content-security-policy")).toContain("default-src 'none'");
    expect(await figure.text()).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" viewBox="[\d. ]+"/);
  });

  it("answers unknown and malformed tokens, and unknown figures, with 404", async () => {
    for (const token of ["A".repeat(43), "not-a-token"]) {
      const response = await open(token);
      expect(response.status).toBe(404);
      expect(await response.text()).toContain("This link is not active");
    }
    for (const file of [`${"0".repeat(64)}.svg`, "../../etc/passwd", "abc.svg"]) {
      const response = await getFigure(new Request(`${origin}/figures/x`), { params: Promise.resolve({ file }) });
      expect(response.status).toBe(404);
    }
  });

  it("escapes everything that came from the clinic or the clinician", async () => {
    const { token } = await livePlan({
      title: '<script>alert("title")</script>',
      notes: "Keep pain ≤ 5/10 & <b>rest</b>",
      clinician: { name: '"><img src=x onerror=alert(1)>' },
    });
    const page = await (await open(token)).text();
    expect(page).not.toMatch(/<script|<img src=x|<b>rest/);
    expect(page).toContain("&lt;script&gt;alert(&quot;title&quot;)&lt;/script&gt;");
    expect(page).toContain("Keep pain ≤ 5/10 &amp; &lt;b&gt;rest&lt;/b&gt;");
    expect(page).toContain("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;");
  });

  it("shows the answer to a submit made without JavaScript", async () => {
    const { token } = await livePlan();
    const page = await (await open(token, "?log=saved")).text();
    expect(page).toContain('<p role="status"');
    expect(page).toContain("Thank you — today&#x27;s session is saved.");
    const ignored = await (await open(token, "?log=<b>")).text();
    expect(ignored).not.toContain('id="log-status"><p');
  });
});

describe("POST /p/<token>/log from the page's form", () => {
  it("redirects back to the page after a saved session, and stores a double submit once", async () => {
    const { plan, token } = await livePlan();
    const fields: [string, string][] = [
      ["clientKey", crypto.randomUUID()],
      ["done", "0"],
      ["done", "2"],
      ["pain", "4"],
    ];
    for (const outcome of ["saved", "duplicate"]) {
      const response = await post(token, fields);
      expect(response.status).toBe(303);
      expect(response.headers.get("location")).toBe(`/p/${token}?log=${outcome}#log`);
    }
    const rows = await db.select().from(sessionLogs).where(eq(sessionLogs.planId, plan.id));
    expect(rows).toHaveLength(1);
    expect(rows[0].itemsDone).toHaveLength(2);
    const page = await (await open(token)).text();
    expect(page).toMatch(/<td\b[^>]*>4\/10<\/td>/);
  });

  it("refuses bad input with a 400 page that keeps what was typed and says what to fix, storing nothing", async () => {
    const { plan, token } = await livePlan();
    const response = await post(token, [
      ["clientKey", crypto.randomUUID()],
      ["done", "1"],
      ["comment", "Knee felt <stiff> & sore"],
    ]);
    expect(response.status).toBe(400);
    expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
    const page = await response.text();
    expect(page).toContain('role="alert"');
    expect(page).toMatch(/<p id="pain-error"[^>]*>Choose how much pain you had, from 0 to 10<\/p>/);
    expect(page).toContain('aria-describedby="pain-error pain-hint"');
    expect(page).toContain(">Knee felt &lt;stiff&gt; &amp; sore</textarea>");
    const ticked = [...page.matchAll(/<input\b[^>]*name="done"[^>]*>/g)].map(([tag]) => ({ value: /value="(\d+)"/.exec(tag)?.[1], checked: /\schecked\b/.test(tag) }));
    expect(ticked.filter((box) => box.checked).map((box) => box.value)).toEqual(["1"]);
    expect(ticked.length).toBeGreaterThan(1);
    expect(await db.select().from(sessionLogs).where(eq(sessionLogs.planId, plan.id))).toHaveLength(0);
  });

  it("keeps text that spells the page's own markers as text: a plan title, a patient's comment", async () => {
    // The page is assembled around markers; neither the clinician's words nor the patient's may move a part.
    const { token } = await livePlan({ title: "Knees @@physioplan:links@@ and @@physioplan:log@@" });
    await post(token, [["clientKey", crypto.randomUUID()], ["pain", "3"], ["comment", "Earlier @@physioplan:history@@"]]);
    const response = await post(token, [["clientKey", crypto.randomUUID()], ["comment", "Sore @@physioplan:history@@ and @@physioplan:log-form@@"]]);
    expect(response.status).toBe(400);
    const page = await response.text();
    expect(page).toContain(">Sore @@physioplan:history@@ and @@physioplan:log-form@@</textarea>");
    // One download pair, one log form and one history table, each in its place after the title.
    expect(page.match(/>\s*Download PDF</g)).toHaveLength(1);
    expect(page.split(`action="/p/${token}/log"`)).toHaveLength(2);
    expect(page.match(/<table/g)).toHaveLength(1);
    expect(page.indexOf("</textarea>")).toBeLessThan(page.indexOf("<table"));
    expect(page).toContain("<title>Knees @@physioplan:links@@ and @@physioplan:log@@");
  });

  it("answers 404 with the plain page for a link that is not active", async () => {
    const response = await post("A".repeat(43), [["pain", "3"]]);
    expect(response.status).toBe(404);
    expect(await response.text()).toContain("This link is not active");
  });
});
