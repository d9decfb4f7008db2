// The poisoned-QR attack: a forged X-Forwarded-Host on the first download must not decide the
// origin printed in the cached handout. The QR code is read back with zbarimg.
import { NextRequest } from "next/server";
import { afterAll, describe, expect, it, vi } from "vitest";
import { closeHandoutPool, configureHandoutPool } from "@/lib/handout/pool";
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

describe("the bounded render queue", () => {
  it("answers 503 with Retry-After when the queue is full, and renders again once it drains", async () => {
    await closeHandoutPool();
    configureHandoutPool({ useWorkers: false, maxWorkers: 1, maxQueued: 1 });
    try {
      const { actor } = await createTestClinic();
      const { plan } = await createIssuedPlan(actor);
      const token = (await ensureShareLink(actor, { planId: plan.id }))!.token!;
      // Four variants: four renders, none served from the cache or shared in flight.
      const queries = ["", "?large=1", "?paper=letter", "?paper=letter&large=1"];
      const responses = await Promise.all(
        queries.map((query) => GET(new NextRequest(`http://127.0.0.1:3000/p/${token}/handout.pdf${query}`), { params: Promise.resolve({ token }) })),
      );
      const statuses = responses.map((response) => response.status);
      // One rendering, one waiting; the rest are told to come back.
      expect(statuses.filter((status) => status === 200)).toHaveLength(2);
      expect(statuses.filter((status) => status === 503)).toHaveLength(2);
      for (const response of responses.filter((r) => r.status === 503)) {
        expect(Number(response.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
        expect(await response.text()).toMatch(/busy/i);
      }
      for (const query of queries) {
        const again = await GET(new NextRequest(`http://127.0.0.1:3000/p/${token}/handout.pdf${query}`), { params: Promise.resolve({ token }) });
        expect(again.status).toBe(200);
      }
    } finally {
      configureHandoutPool({ useWorkers: true, maxWorkers: 2, maxQueued: 16 });
    }
  }, 120_000);
});
