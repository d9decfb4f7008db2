"use server";
// "Forgot password": one answer whether or not the email has an account; the email, when there is
// one to send, leaves after the response so the answer's timing says nothing either.
import { headers } from "next/headers";
import { after } from "next/server";
import { z } from "zod";
import { requestPasswordReset } from "@/lib/account/password-reset";
import { fieldErrorsOf, type FormState } from "@/lib/auth/action";
import { clientIp } from "@/lib/auth/sign-in";
import { sendEmail } from "@/lib/email/send";

const schema = z.object({ email: z.email({ error: "Enter an email address like name@example.com" }).trim().max(320) });

export async function requestResetAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const parsed = schema.safeParse({ email: formData.get("email") ?? "" });
  if (!parsed.success) return { ok: false, message: "Please correct the highlighted fields.", fieldErrors: fieldErrorsOf(parsed.error) };
  const result = await requestPasswordReset({ email: parsed.data.email, ip: clientIp(await headers()) });
  if (result.limited) return { ok: false, message: "Too many reset requests. Wait an hour, then try again." };
  const message = result.email;
  if (message) after(() => sendEmail(message).then(() => undefined));
  return { ok: true, message: "If an account uses this email, we have sent it a link to choose a new password. The link works once, for 30 minutes. Check your spam folder too." };
}
