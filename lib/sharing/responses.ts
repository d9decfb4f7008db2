// Responses of the handout routes. Handouts are personal: never stored by a browser or proxy cache.
import type { HandoutFile } from "./handouts";

export function pdfResponse(file: HandoutFile): Response {
  // A view of the cached bytes, not a copy (a Buffer's memory is always an ArrayBuffer in Node).
  return new Response(new Uint8Array(file.pdf.buffer as ArrayBuffer, file.pdf.byteOffset, file.pdf.byteLength), {
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
