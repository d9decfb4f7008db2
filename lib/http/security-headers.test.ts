// The proxy as Next calls it: every page gets a fresh nonce policy, forwarded to the render (Next
// reads the nonce from the request's policy) and sent to the browser.
import { NextRequest, type NextFetchEvent } from "next/server";
import { describe, expect, it } from "vitest";
import proxy from "@/proxy";
import { clinicContentSecurityPolicy, patientContentSecurityPolicy, strictTransportSecurity } from "./security-headers";

const event = { waitUntil: () => {} } as unknown as NextFetchEvent;

async function through(path: string) {
  return (await proxy(new NextRequest(`http://127.0.0.1:3000${path}`), event)) as Response;
}

describe("proxy security headers", () => {
  it("gives the sign-in page a nonce policy, fresh per request, and hands the same policy to the render", async () => {
    const first = await through("/sign-in");
    const second = await through("/sign-in");
    const policy = first.headers.get("content-security-policy")!;
    expect(policy).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/]{24}' 'strict-dynamic'/);
    expect(policy).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(policy).toContain("frame-ancestors 'none'");
    expect(second.headers.get("content-security-policy")).not.toBe(policy);
    // NextResponse.next({ request: { headers } }) passes request headers on as x-middleware-request-*.
    expect(first.headers.get("x-middleware-request-content-security-policy")).toBe(policy);
  });

  it("still sends signed-out visitors of clinic pages to sign-in", async () => {
    const response = await through("/plans/00000000-0000-4000-8000-000000000000");
    expect(response.status).toBe(307);
    expect(response.headers.get("location")).toContain("/sign-in");
  });

  it("HSTS only for an https public URL; upgrade-insecure-requests likewise", () => {
    expect(strictTransportSecurity("https://physio.example.org")).toEqual({ "Strict-Transport-Security": "max-age=63072000; includeSubDomains" });
    expect(strictTransportSecurity("http://localhost:3000")).toEqual({});
    expect(clinicContentSecurityPolicy("n", { https: true })).toContain("upgrade-insecure-requests");
    expect(clinicContentSecurityPolicy("n")).not.toContain("upgrade-insecure-requests");
  });

  it("the patient's policy allows no script at all", () => {
    expect(patientContentSecurityPolicy).toMatch(/^default-src 'none'/);
    expect(patientContentSecurityPolicy).not.toMatch(/script-src|unsafe/);
  });
});
