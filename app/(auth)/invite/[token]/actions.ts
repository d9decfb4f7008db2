"use server";
import { redirect } from "next/navigation";
import { z } from "zod";
import { fieldErrorsOf, type FormState } from "@/lib/auth/action";
import { UserError } from "@/lib/errors";
import { acceptInvitation } from "@/lib/team/accept-invitation";

const schema = z
  .object({
    token: z.string().max(100),
    name: z.string().trim().min(1, "Enter your name").max(120, "Name must be 120 characters or fewer"),
    password: z.string().min(1, "Choose a password").max(500),
    confirmPassword: z.string(),
  })
  .refine((v) => v.password === v.confirmPassword, { path: ["confirmPassword"], message: "The two passwords do not match." });

export async function acceptInvitationAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const input = { token: formData.get("token") ?? "", name: formData.get("name") ?? "", password: formData.get("password") ?? "", confirmPassword: formData.get("confirmPassword") ?? "" };
  const parsed = schema.safeParse(input);
  const values = { name: typeof input.name === "string" ? input.name : "" };
  if (!parsed.success) return { ok: false, message: "Please correct the highlighted fields.", fieldErrors: fieldErrorsOf(parsed.error), values };
  let accepted;
  try {
    accepted = await acceptInvitation(parsed.data);
  } catch (error) {
    if (error instanceof UserError) return { ok: false, message: error.message, fieldErrors: error.fieldErrors, values };
    throw error;
  }
  if (!accepted) return { ok: false, message: "This invitation has expired or was already used. Ask your clinic's admin for a new one." };
  redirect("/sign-in?reason=invitation-accepted");
}
