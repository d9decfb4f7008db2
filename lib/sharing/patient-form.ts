// The scaffolding of a patient's form post under /p/[token] (the session log, the activity scores):
// plain form posts from a page without JavaScript, handled by route handlers because the page posts
// with `Origin: null` (its `Referrer-Policy: no-referrer`), which Next's server-action origin check
// refuses. The token is the only credential (no cookie is involved), so there is no CSRF to guard.
import type { NextRequest } from "next/server";
import { formValues } from "@/lib/auth/action";
import { isDatabaseUnavailable } from "@/lib/errors";
import { readBodyWithin, sessionLogBodyLimit, tooLargeResponse, withBody } from "@/lib/http/body-limit";
import { plainResponse } from "./responses";

export type FormValues = Record<string, string | string[]>;

/**
 * A POST handler for one of the patient page's forms. The cap comes first: a 50 MB post is answered
 * before its body (or the database) is touched. While the database is restarting or unreachable
 * nothing is stored, and the patient reads a 503 saying so: "`unsaved` could not be saved just now".
 */
export function patientFormPost(unsaved: string, handle: (request: Request, token: string) => Promise<Response>) {
  return async (request: NextRequest, { params }: { params: Promise<{ token: string }> }): Promise<Response> => {
    const body = await readBodyWithin(request, sessionLogBodyLimit);
    if (!body) return tooLargeResponse(sessionLogBodyLimit);
    try {
      return await handle(withBody(request, body), (await params).token);
    } catch (error) {
      if (!isDatabaseUnavailable(error)) throw error;
      const response = plainResponse(503, `${unsaved} could not be saved just now: our server is busy. Nothing was saved. Please go back and try again in a minute.`);
      response.headers.set("Retry-After", "5");
      return response;
    }
  };
}

/** The form's fields (a name given more than once becomes a list), or null when the body is no form. */
export async function postedValues(request: Request): Promise<FormValues | null> {
  try {
    return formValues(await request.formData());
  } catch {
    return null;
  }
}

/**
 * Saved: a 303 back to the page's `section` (post/redirect/get: reloading never posts again), with
 * the outcome in the query. A relative Location: the browser stays on whatever origin it is on.
 */
export function backToPage(token: string, section: string, outcome: string): Response {
  return new Response(null, { status: 303, headers: { Location: `/p/${token}?${section}=${outcome}#${section}`, "Cache-Control": "no-store" } });
}
