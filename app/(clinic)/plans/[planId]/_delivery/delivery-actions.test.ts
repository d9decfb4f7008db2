// A link's expiry date is a day where the clinic is: it ends at midnight of that day in the clinic's
// own time zone, and the plan page's date field shows the same day back. As in app/fuzz.test.ts, the
// session is the one stand-in (getActor returns the test clinician); the database is real.
import { beforeAll, describe, expect, it, vi } from "vitest";
import { clinicDate } from "@/lib/dates/format";
import { ensureShareLink, getShareLink } from "@/lib/sharing/links";
import { createIssuedPlan } from "@/lib/sharing/testing";
import { createTestClinic } from "@/lib/testing/fixtures";
import { testSession } from "@/lib/testing/test-session";
import { setExpiryAction } from "./delivery-actions";

vi.mock("@/lib/auth/actor", async (original) => (await import("@/lib/testing/test-session")).withTestSession(original));
vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));
vi.mock("next/headers", () => ({ headers: async () => new Headers(), cookies: async () => ({ get: () => undefined, set: () => {}, delete: () => {} }) }));

async function clinicWithLink(timeZone: string) {
  const { actor } = await createTestClinic({ timeZone });
  const { plan } = await createIssuedPlan(actor);
  await ensureShareLink(actor, { planId: plan.id });
  return { actor, planId: plan.id };
}

function form(values: Record<string, string>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(values)) data.set(name, value);
  return data;
}

describe("setExpiryAction", () => {
  let newYork: Awaited<ReturnType<typeof clinicWithLink>>;
  let london: Awaited<ReturnType<typeof clinicWithLink>>;
  beforeAll(async () => {
    [newYork, london] = await Promise.all([clinicWithLink("America/New_York"), clinicWithLink("Europe/London")]);
  });

  it("ends a New York clinic's link at New York's midnight, and a London clinic's at London's", async () => {
    for (const [clinic, end] of [
      [newYork, "2030-11-09T05:00:00.000Z"], // EST is UTC−5 in November
      [london, "2030-11-09T00:00:00.000Z"],
    ] as const) {
      testSession.actor = clinic.actor;
      const answer = await setExpiryAction({ ok: false }, form({ planId: clinic.planId, intent: "set", expiresOn: "2030-11-08" }));
      expect(answer).toMatchObject({ ok: true, message: "Expiry date saved." });
      const link = await getShareLink(clinic.actor, { planId: clinic.planId });
      expect(link?.expiresAt?.toISOString()).toBe(end);
      // The plan page's date field reads the day back in the clinic's zone: the day that was typed.
      expect(clinicDate(new Date(link!.expiresAt!.getTime() - 1), clinic.actor.timeZone)).toBe("2030-11-08");
    }
  });
});
