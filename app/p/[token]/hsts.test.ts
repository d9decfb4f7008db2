// With an https public URL, the patient's page (the first page a QR code opens) sends HSTS.
import { NextRequest } from "next/server";
import { describe, expect, it, vi } from "vitest";
import { ensureShareLink } from "@/lib/sharing/links";
import { createIssuedPlan } from "@/lib/sharing/testing";
import { createTestClinic } from "@/lib/testing/fixtures";
import { GET } from "./route";

vi.stubEnv("PUBLIC_URL", "https://physio.example.org");

describe("HSTS on /p/<token>", () => {
  it("is sent on the page and on the not-active page when the public URL is https", async () => {
    const { actor } = await createTestClinic();
    const { plan } = await createIssuedPlan(actor);
    const token = (await ensureShareLink(actor, { planId: plan.id }))!.token!;
    for (const t of [token, "A".repeat(43)]) {
      const response = await GET(new NextRequest(`http://127.0.0.1:3000/p/${t}`), { params: Promise.resolve({ token: t }) });
      expect(response.headers.get("strict-transport-security")).toBe("max-age=63072000; includeSubDomains");
    }
  });
});
