"use server";
import { redirect } from "next/navigation";
import { after } from "next/server";
import { z } from "zod";
import { notifyPasswordChanged } from "@/lib/account/password";
import { resetPassword } from "@/lib/account/password-reset";
import { publicAction } from "@/lib/auth/action";
import { AppError } from "@/lib/errors";

const schema = z
  .object({ token: z.string().max(100), password: z.string().min(1, "Enter a new password").max(500), confirmPassword: z.string() })
  .refine((v) => v.password === v.confirmPassword, { path: ["confirmPassword"], message: "The two passwords do not match." });

export const resetPasswordAction = publicAction(schema, async ({ token, password }) => {
  const user = await resetPassword({ token, password });
  if (!user) throw new AppError("not-found", "This link has expired or was already used. Ask for a new one.");
  after(() => notifyPasswordChanged({ clinicId: user.clinicId, id: user.userId, email: user.email, name: user.name }, "reset").then(() => undefined));
  redirect("/sign-in?reason=password-reset");
});
