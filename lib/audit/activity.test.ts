import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { auditEvents } from "@/db/schema";
import { authenticate } from "@/lib/auth/sign-in";
import { createTestClinic } from "@/lib/testing/fixtures";
import { activityPageSize, describeActivity, listActivity } from "./activity";

describe("activity", () => {
  it("records sign-in success, failure and lockout, filters by kind and person, and pages", async () => {
    const { actor, user } = await createTestClinic({ password: "right password 9" });
    const { actor: other } = await createTestClinic();
    expect(await authenticate({ email: user.email, password: "right password 9", ip: "10.7.0.1" })).toMatchObject({ ok: true });
    for (let i = 0; i < 10; i++) await authenticate({ email: user.email, password: "wrong", ip: "10.7.0.2" });
    expect(await authenticate({ email: user.email, password: "right password 9", ip: "10.7.0.2" })).toMatchObject({ ok: false, reason: "rate-limited" });

    const signIns = await listActivity(actor, { kind: "sign-in", page: 1 });
    const texts = signIns!.entries.map(describeActivity);
    expect(texts.filter((t) => t === "Signed in")).toHaveLength(1);
    expect(texts.filter((t) => t.startsWith("Failed sign-in"))).toHaveLength(10);
    expect(texts.filter((t) => t.startsWith("Sign-in refused"))).toHaveLength(1);
    expect(signIns!.entries[0].actorName).toBe(user.name);
    expect(signIns!.entries[0].detail).toEqual({ ip: "10.7.0.2" });

    // Another clinic sees none of it; a filter on another kind or person shows nothing here.
    expect((await listActivity(other, { kind: "sign-in", page: 1 }))!.entries.filter((e) => e.actorId === user.id)).toEqual([]);
    expect((await listActivity(actor, { kind: "team", page: 1 }))!.total).toBe(0);
    expect((await listActivity(actor, { userId: other.userId, page: 1 }))!.total).toBe(0);
    expect(await listActivity({ ...actor, role: "clinician" }, { page: 1 })).toBeNull();

    await db.insert(auditEvents).values(
      Array.from({ length: activityPageSize + 5 }, () => ({ clinicId: actor.clinicId, actorId: actor.userId, action: "sessions.ended", entityType: "user", entityId: actor.userId })),
    );
    const first = await listActivity(actor, { kind: "password", page: 1 });
    const second = await listActivity(actor, { kind: "password", page: 2 });
    expect(first).toMatchObject({ total: activityPageSize + 5, pages: 2, page: 1 });
    expect(first!.entries).toHaveLength(activityPageSize);
    expect(second!.entries).toHaveLength(5);
    expect(new Set([...first!.entries, ...second!.entries].map((e) => e.id)).size).toBe(activityPageSize + 5);
  });
});
