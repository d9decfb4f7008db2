import { describe, expect, it } from "vitest";
import { safeCallbackPath, safeRedirect } from "./redirect";

const base = "http://127.0.0.1:3000";
const hostile = ["/\\example.org", "/\t/example.org", "//evil.example", "https://evil.example/dashboard", "\\\\evil.example", "/\\/evil.example", "javascript:alert(1)", " //evil.example"];

describe("redirects after sign-in", () => {
  it("keep same-origin paths", () => {
    expect(safeRedirect("/patients?q=ann#top", base)).toBe(`${base}/patients?q=ann#top`);
    expect(safeRedirect(`${base}/plans/1`, base)).toBe(`${base}/plans/1`);
    expect(safeCallbackPath("/patients?q=ann")).toBe("/patients?q=ann");
  });

  it("send anything off-origin to the dashboard", () => {
    for (const url of hostile) {
      expect(safeRedirect(url, base), url).toBe(`${base}/dashboard`);
      expect(safeCallbackPath(url), url).toBe("/dashboard");
    }
    // Still encoded, a backslash is only part of a path on this origin.
    expect(new URL(safeRedirect("/%5Cexample.org", base)).origin).toBe(base);
    expect(safeCallbackPath(undefined)).toBe("/dashboard");
    expect(safeCallbackPath(["/patients", "/plans"])).toBe("/dashboard");
  });
});
