// Responses of the handout routes. Handouts are personal: never stored by a browser or proxy cache.
import { bytesBody } from "@/lib/http/bytes-body";
import type { HandoutFile } from "./handouts";

export function pdfResponse(file: HandoutFile): Response {
  return new Response(bytesBody(file.pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="${file.fileName}"`,
      "Content-Length": String(file.pdf.length),
      "Cache-Control": "no-store",
    },
  });
}

export function plainResponse(status: number, message: string): Response {
  return new Response(`${message}\n`, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
}

/** The render queue is full (lib/handout/pool.ts): a 503 that says when to come back. */
export function busyResponse(retryAfterSeconds: number): Response {
  return new Response("The handout printer is busy. Please try again in a moment.\n", {
    status: 503,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store", "Retry-After": String(retryAfterSeconds) },
  });
}
