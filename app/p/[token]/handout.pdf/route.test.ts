// The poisoned-QR attack: a forged X-Forwarded-Host on the first download must not decide the
// origin printed in the cached handout. The QR code is read back with zbarimg.
import { NextRequest } from "next/server";
import { afterAll, describe, expect, it, vi } from "vitest";
import { closeHandoutPool } from "@/lib/handout/pool";
import { decodeQr } from "@/lib/handout/pdf-tools";
import { ensureShareLink } from "@/lib/sharing/links";
import { createIssuedPlan } from "@/lib/sharing/testing";
import { createTestClinic } from "@/lib/testing/fixtures";
import { GET } from "./route";

afterAll(async () => {
  await closeHandoutPool();
});

async function download(token: string, headers: Record<string, string> = {}) {
  const response = await GET(new NextRequest(`http://127.0.0.1:3000/p/${token}/handout.pdf`, { headers }), { params: Promise.resolve({ token }) });
  expect(response.status).toBe(200);
  return Buffer.from(await response.arrayBuffer());
}

describe("GET /p/<token>/handout.pdf", () => {
  it("prints the configured origin in the QR code, whatever the first request's headers say, and so do later copies", async () => {
    vi.stubEnv("PORT", "3000");
    const { actor } = await createTestClinic();
    const { plan } = await createIssuedPlan(actor);
    const token = (await ensureShareLink(actor, { planId: plan.id }))!.token!;
    const forged = { "X-Forwarded-Host": "evil.example", "X-Forwarded-Proto": "https", Host: "evil.example" };
    const first = await download(token, forged);
    // No PUBLIC_URL in this test process: the embedded default, never a request header.
    expect(decodeQr(first)).toBe(`http://localhost:3000/p/${token}`);
    const later = await download(token);
    expect(decodeQr(later)).toBe(`http://localhost:3000/p/${token}`);
    const forgedAgain = await download(token, { "X-Forwarded-Host": "other.example" });
    expect(decodeQr(forgedAgain)).toBe(`http://localhost:3000/p/${token}`);
  }, 120_000);
});
