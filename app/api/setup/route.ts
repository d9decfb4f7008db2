// POST /api/setup: the first-run set-up form (app/setup). JSON in and out, with the status saying
// what happened: 400 a field is wrong (the message is at the field), 403 the set-up code is wrong,
// 429 too many wrong codes (from this address, or from everywhere: Retry-After says when to try
// again, the message is at the code's field), 404 the clinic already exists (this endpoint is gone),
// 413 too large, 200 done.
import { z } from "zod";
import { fieldErrorsOf } from "@/lib/auth/action";
import { clientIp } from "@/lib/auth/sign-in";
import { AppError, isDatabaseUnavailable, tryAgainMessage } from "@/lib/errors";
import { readBodyWithin, signInBodyLimit, tooLargeResponse } from "@/lib/http/body-limit";
import { completeSetup, needsSetup, SetupDoneError } from "@/lib/setup/setup";

const schema = z
  .object({
    code: z.string({ error: "Enter the set-up code the server printed" }).trim().min(1, "Enter the set-up code the server printed").max(100, "This is not a set-up code"),
    clinicName: z.string({ error: "Enter the clinic's name" }).trim().min(1, "Enter the clinic's name").max(200, "Use at most 200 characters"),
    name: z.string({ error: "Enter your name" }).trim().min(1, "Enter your name").max(200, "Use at most 200 characters"),
    email: z.email({ error: "Enter an email address like name@example.com" }).trim().max(320, "Email must be 320 characters or fewer"),
    password: z.string({ error: "Choose a password" }).min(1, "Choose a password").max(500),
    confirmPassword: z.string().optional(),
  })
  .refine((v) => v.password === v.confirmPassword, { path: ["confirmPassword"], message: "The two passwords do not match." });

const gone = () => Response.json({ ok: false, message: "This Physioplan is already set up. Sign in instead." }, { status: 404 });

export async function POST(request: Request): Promise<Response> {
  try {
    if (!(await needsSetup())) return gone();
  } catch (error) {
    if (isDatabaseUnavailable(error)) return Response.json({ ok: false, message: tryAgainMessage }, { status: 503 });
    throw error;
  }
  const bytes = await readBodyWithin(request, signInBodyLimit);
  if (!bytes) return tooLargeResponse(signInBodyLimit);
  let body: unknown;
  try {
    body = JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    return Response.json({ ok: false, message: "Send the form as JSON." }, { status: 400 });
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) return Response.json({ ok: false, message: "Please correct the highlighted fields.", fieldErrors: fieldErrorsOf(parsed.error) }, { status: 400 });
  try {
    await completeSetup({ ...parsed.data, ip: clientIp(request.headers) });
    return Response.json({ ok: true, redirect: "/sign-in?reason=set-up" });
  } catch (error) {
    if (error instanceof SetupDoneError) return gone();
    if (error instanceof AppError) {
      const headers: Record<string, string> = error.retryAfterSeconds === undefined ? {} : { "Retry-After": String(error.retryAfterSeconds) };
      return Response.json({ ok: false, message: error.message, fieldErrors: error.fieldErrors }, { status: error.status, headers });
    }
    if (isDatabaseUnavailable(error)) return Response.json({ ok: false, message: tryAgainMessage }, { status: 503 });
    throw error;
  }
}
