import { describe, expect, test } from "vitest";
import { pdfResponse } from "./responses";

describe("pdfResponse", () => {
  test("sends the cached bytes as they are and leaves them intact for the next download", async () => {
    const cached = Buffer.from("%PDF-1.3 a cached handout\n%%EOF\n", "latin1");
    const original = Buffer.from(cached);
    const file = { pdf: cached.subarray(0, cached.length), fileName: "knee-plan-v2.pdf" };

    for (let download = 0; download < 2; download++) {
      const response = pdfResponse(file);
      expect(response.headers.get("content-type")).toBe("application/pdf");
      expect(response.headers.get("content-disposition")).toBe('attachment; filename="knee-plan-v2.pdf"');
      expect(response.headers.get("content-length")).toBe(String(original.length));
      expect(response.headers.get("cache-control")).toBe("no-store");
      expect(Buffer.from(await response.arrayBuffer()).equals(original)).toBe(true);
    }
    expect(cached.equals(original)).toBe(true);
    expect(cached.buffer.byteLength).toBeGreaterThan(0); // not detached
  });
});
