// Body caps for unauthenticated POSTs: a request declaring more than the cap is refused before a
// byte of its body is read, and a body without a declared length (chunked) is counted as it streams
// and abandoned as soon as it passes the cap. Nothing larger than the cap is ever held in memory.
import { NextRequest } from "next/server";

export const signInBodyLimit = 16 * 1024;
export const sessionLogBodyLimit = 16 * 1024;

/** The declared length is over the cap (or is not a length at all). */
function declaredTooLarge(request: Request, limit: number): boolean {
  const declared = request.headers.get("content-length");
  if (declared === null) return false;
  return !/^\d{1,15}$/.test(declared.trim()) || Number(declared) > limit;
}

/**
 * The body's bytes, or null when it is larger than `limit`. The reader is released, not
 * cancelled, on a refusal: cancelling would end the connection before the 413 could be sent.
 */
export async function readBodyWithin(request: Request, limit: number): Promise<Uint8Array | null> {
  if (declaredTooLarge(request, limit)) return null;
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > limit) return null;
      chunks.push(value);
    }
  } finally {
    reader.releaseLock();
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/**
 * The same request with its (already read, capped) body, for code that reads it again. A
 * NextRequest, as route handlers receive: next-auth reads `nextUrl`.
 */
export function withBody(request: Request, bytes: Uint8Array): NextRequest {
  const headers = new Headers(request.headers);
  headers.set("content-length", String(bytes.byteLength));
  headers.delete("transfer-encoding");
  return new NextRequest(request.url, { method: request.method, headers, body: bytes as BodyInit });
}

export function tooLargeResponse(limit: number): Response {
  return new Response(`This form is too large: at most ${Math.floor(limit / 1024)} KB.\n`, {
    status: 413,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
  });
}
