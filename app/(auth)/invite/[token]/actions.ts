"use server";
import { redirect } from "next/navigation";
import { z } from "zod";
import { publicAction } from "@/lib/auth/action";
import { AppError } from "@/lib/errors";
import { acceptInvitation } from "@/lib/team/accept-invitation";

const schema = z
  .object({
    token: z.string().max(100),
    name: z.string().trim().min(1, "Enter your name").max(120, "Name must be 120 characters or fewer"),
    password: z.string().min(1, "Choose a password").max(500),
    confirmPassword: z.string(),
  })
  .refine((v) => v.password === v.confirmPassword, { path: ["confirmPassword"], message: "The two passwords do not match." });

export const acceptInvitationAction = publicAction(
  schema,
  async (input) => {
    const accepted = await acceptInvitation(input);
    if (!accepted) throw new AppError("not-found", "This invitation has expired or was already used. Ask your clinic's admin for a new one.");
    redirect("/sign-in?reason=invitation-accepted");
  },
  { echo: ["name"] },
);
