// The credentials callback's body cap: 16 KB, answered 413 before the body is read.
import { describe, expect, it } from "vitest";
import { POST } from "./route";

const context = { params: Promise.resolve({ nextauth: ["callback", "credentials"] }) };

function streamOf(total: number) {
  const pulled = { bytes: 0 };
  const chunk = new TextEncoder().encode(`email=${"a".repeat(64 * 1024 - 6)}`);
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulled.bytes >= total) return controller.close();
      pulled.bytes += chunk.byteLength;
      controller.enqueue(chunk);
    },
  });
  return { stream, pulled };
}

function signIn(body: ReadableStream<Uint8Array>, headers: Record<string, string> = {}) {
  return POST(
    new Request("http://127.0.0.1:3000/api/auth/callback/credentials", {
      method: "POST",
      body,
      headers: { "Content-Type": "application/x-www-form-urlencoded", ...headers },
      duplex: "half",
    } as RequestInit),
    context,
  );
}

describe("POST /api/auth/callback/credentials body cap", () => {
  it("refuses 50 MB declared in Content-Length with 413, reading none of it", async () => {
    const { stream, pulled } = streamOf(50 * 1024 * 1024);
    const response = await signIn(stream, { "Content-Length": String(50 * 1024 * 1024) });
    expect(response.status).toBe(413);
    expect(pulled.bytes).toBeLessThanOrEqual(2 * 64 * 1024);
  });

  it("refuses 50 MB sent chunked with 413 once it passes 16 KB", async () => {
    const { stream, pulled } = streamOf(50 * 1024 * 1024);
    const response = await signIn(stream);
    expect(response.status).toBe(413);
    expect(pulled.bytes).toBeLessThan(16 * 1024 + 3 * 64 * 1024);
  });
});
