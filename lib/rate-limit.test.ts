// The limits are checked and recorded in one step: concurrent requests never get past them.
import crypto from "node:crypto";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { rateLimitEvents, sessionLogs } from "@/db/schema";
import { logSession } from "@/lib/adherence/log-session";
import { authenticate, signInKey } from "@/lib/auth/sign-in";
import { ensureShareLink, resolveShareToken } from "@/lib/sharing/links";
import { createIssuedPlan } from "@/lib/sharing/testing";
import { createTestClinic } from "@/lib/testing/fixtures";

describe("atomic limits on real PostgreSQL", () => {
  it("40 concurrent session logs on one link store exactly 20", async () => {
    const { actor } = await createTestClinic();
    const { plan } = await createIssuedPlan(actor);
    const share = await ensureShareLink(actor, { planId: plan.id });
    const link = (await resolveShareToken(share!.token!))!;
    const results = await Promise.all(
      Array.from({ length: 40 }, () => logSession(link, { clientKey: crypto.randomUUID(), done: [0], pain: 2, comment: null })),
    );
    expect(results.filter((r) => r.status === "logged")).toHaveLength(20);
    expect(results.filter((r) => r.status === "rate-limited")).toHaveLength(20);
    expect(await db.select({ id: sessionLogs.id }).from(sessionLogs).where(eq(sessionLogs.planId, plan.id))).toHaveLength(20);
  });

  it("40 concurrent failed sign-ins from one address never get past the 10-failure lockout", async () => {
    const { user } = await createTestClinic({ password: "right-password-40" });
    const ip = `198.51.100.${Math.floor(Math.random() * 250)}`;
    const results = await Promise.all(
      Array.from({ length: 40 }, (_, i) => authenticate({ email: user.email, password: `wrong-${i}`, ip })),
    );
    expect(results.filter((r) => !r.ok && r.reason === "invalid")).toHaveLength(10);
    expect(results.filter((r) => !r.ok && r.reason === "rate-limited")).toHaveLength(30);
    const events = await db
      .select({ id: rateLimitEvents.id })
      .from(rateLimitEvents)
      .where(and(eq(rateLimitEvents.bucket, "sign-in-failure"), eq(rateLimitEvents.key, signInKey(user.email, ip))));
    expect(events).toHaveLength(10);
  });
});
