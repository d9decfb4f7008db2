"use server";
import { redirect } from "next/navigation";
import { after } from "next/server";
import { z } from "zod";
import { notifyPasswordChanged } from "@/lib/account/password";
import { resetPassword } from "@/lib/account/password-reset";
import { fieldErrorsOf, type FormState } from "@/lib/auth/action";
import { UserError } from "@/lib/errors";

const schema = z
  .object({ token: z.string().max(100), password: z.string().min(1, "Enter a new password").max(500), confirmPassword: z.string() })
  .refine((v) => v.password === v.confirmPassword, { path: ["confirmPassword"], message: "The two passwords do not match." });

export async function resetPasswordAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const parsed = schema.safeParse({ token: formData.get("token") ?? "", password: formData.get("password") ?? "", confirmPassword: formData.get("confirmPassword") ?? "" });
  if (!parsed.success) return { ok: false, message: "Please correct the highlighted fields.", fieldErrors: fieldErrorsOf(parsed.error) };
  let user;
  try {
    user = await resetPassword({ token: parsed.data.token, password: parsed.data.password });
  } catch (error) {
    if (error instanceof UserError) return { ok: false, message: error.message, fieldErrors: error.fieldErrors };
    throw error;
  }
  if (!user) return { ok: false, message: "This link has expired or was already used. Ask for a new one." };
  after(() => notifyPasswordChanged({ clinicId: user.clinicId, id: user.userId, email: user.email, name: user.name }, "reset").then(() => undefined));
  redirect("/sign-in?reason=password-reset");
}
