"use server";
// "Forgot password": one answer whether or not the email has an account; the email, when there is
// one to send, leaves after the response so the answer's timing says nothing either.
import { headers } from "next/headers";
import { after } from "next/server";
import { z } from "zod";
import { requestPasswordReset } from "@/lib/account/password-reset";
import { publicAction } from "@/lib/auth/action";
import { clientIp } from "@/lib/auth/sign-in";
import { sendEmail } from "@/lib/email/send";
import { AppError } from "@/lib/errors";

const schema = z.object({ email: z.email({ error: "Enter an email address like name@example.com" }).trim().max(320) });

export const requestResetAction = publicAction(
  schema,
  async ({ email }) => {
    const result = await requestPasswordReset({ email, ip: clientIp(await headers()) });
    if (result.limited) throw new AppError("rate-limited", "Too many reset requests. Wait an hour, then try again.");
    const message = result.email;
    if (message) after(() => sendEmail(message).then(() => undefined));
    return {
      ok: true,
      message: "If an account uses this email, we have sent it a link to choose a new password. The link works once, for 30 minutes. Check your spam folder too.",
    };
  },
  { echo: ["email"] },
);
