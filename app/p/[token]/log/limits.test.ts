// Body caps on the patient's session log: a 50 MB post is refused with 413 before its body is read
// (declared length) or as soon as it passes 16 KB (chunked), and a refused form never echoes more
// than the field limits allow.
import { eq } from "drizzle-orm";
import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { sessionLogs } from "@/db/schema";
import { commentMaxLength } from "@/lib/adherence/log-session";
import { ensureShareLink } from "@/lib/sharing/links";
import { createIssuedPlan } from "@/lib/sharing/testing";
import { createTestClinic } from "@/lib/testing/fixtures";
import { POST } from "./route";

const origin = "http://physioplan.test";

async function livePlan() {
  const { actor } = await createTestClinic();
  const { plan } = await createIssuedPlan(actor);
  const link = await ensureShareLink(actor, { planId: plan.id });
  return { plan, token: link!.token! };
}

/** A body of `total` bytes of a form field, streamed in 64 KB chunks, counting what was pulled. */
function hugeForm(total: number) {
  const pulled = { bytes: 0 };
  const prefix = new TextEncoder().encode(`clientKey=${crypto.randomUUID()}&pain=3&comment=`);
  const chunk = new Uint8Array(64 * 1024).fill(0x61);
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulled.bytes >= total) return controller.close();
      const next = pulled.bytes === 0 ? prefix : chunk;
      pulled.bytes += next.byteLength;
      controller.enqueue(next);
    },
  });
  return { stream, pulled };
}

function post(token: string, body: BodyInit, headers: Record<string, string> = {}) {
  const request = new NextRequest(`${origin}/p/${token}/log`, {
    method: "POST",
    body,
    headers: { "Content-Type": "application/x-www-form-urlencoded", ...headers },
    duplex: "half",
  } as ConstructorParameters<typeof NextRequest>[1]);
  return POST(request, { params: Promise.resolve({ token }) });
}

describe("POST /p/<token>/log body cap", () => {
  it("refuses a 50 MB body declared in Content-Length with 413 without reading it", async () => {
    const { plan, token } = await livePlan();
    const { stream, pulled } = hugeForm(50 * 1024 * 1024);
    const response = await post(token, stream, { "Content-Length": String(50 * 1024 * 1024) });
    expect(response.status).toBe(413);
    expect(pulled.bytes).toBeLessThanOrEqual(64 * 1024 * 2);
    expect((await response.text()).length).toBeLessThan(200);
    expect(await db.select().from(sessionLogs).where(eq(sessionLogs.planId, plan.id))).toHaveLength(0);
  });

  it("refuses a chunked 50 MB body with 413 as soon as it passes 16 KB", async () => {
    const { plan, token } = await livePlan();
    const { stream, pulled } = hugeForm(50 * 1024 * 1024);
    const response = await post(token, stream);
    expect(response.status).toBe(413);
    // what was read: the cap plus at most a chunk or two in flight
    expect(pulled.bytes).toBeLessThan(16 * 1024 + 3 * 64 * 1024);
    expect(await db.select().from(sessionLogs).where(eq(sessionLogs.planId, plan.id))).toHaveLength(0);
  });

  it("refuses a lying Content-Length that is not a number", async () => {
    const { token } = await livePlan();
    expect((await post(token, "pain=3", { "Content-Length": "1e9" })).status).toBe(413);
  });

  it("echoes at most the comment's field limit back into a refused form", async () => {
    const { plan, token } = await livePlan();
    const comment = "b".repeat(12_000);
    const response = await post(token, new URLSearchParams({ clientKey: crypto.randomUUID(), pain: "3", comment }).toString());
    expect(response.status).toBe(400);
    const page = await response.text();
    expect(page).toContain(`Keep your comment to ${commentMaxLength} characters or fewer`);
    const longest = Math.max(...(page.match(/b+/g) ?? [""]).map((run) => run.length));
    expect(longest).toBeLessThanOrEqual(commentMaxLength);
    expect(page.length).toBeLessThan(200_000);
    expect(await db.select().from(sessionLogs).where(eq(sessionLogs.planId, plan.id))).toHaveLength(0);
  });

  it("still saves an ordinary session", async () => {
    const { plan, token } = await livePlan();
    const response = await post(token, new URLSearchParams({ clientKey: crypto.randomUUID(), pain: "2", done: "0" }).toString());
    expect(response.status).toBe(303);
    expect(await db.select().from(sessionLogs).where(eq(sessionLogs.planId, plan.id))).toHaveLength(1);
  });
});
