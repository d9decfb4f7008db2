// Sends one email: over SMTP when SMTP_URL is set, else into the outbox that admins read at
// /settings/outbox. Either way a row in outbound_emails says what was sent to whom and when.
import "server-only";
import crypto from "node:crypto";
import nodemailer, { type Transporter } from "nodemailer";
import { db } from "@/db/client";
import { outboundEmails } from "@/db/schema";
import { env } from "@/lib/env";
import { sealBody } from "./seal";

export type EmailKind = "invitation" | "password-reset" | "password-changed" | "two-factor-changed" | "plan-link";

export type EmailMessage = {
  clinicId: string;
  kind: EmailKind;
  to: string;
  subject: string;
  text: string;
  html: string;
  createdBy: string | null;
};

export type SendResult = { state: "sent" | "outbox" | "failed"; id: string };

let transporter: { url: string; transport: Transporter } | undefined;

function transport(url: string): Transporter {
  if (transporter?.url !== url) {
    // Short timeouts: a clinician waits on the send, and an unreachable server must fail, not hang.
    transporter = { url, transport: nodemailer.createTransport(url, { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000 }) };
  }
  return transporter.transport;
}

/** Never throws for a delivery failure: the row records it, and the caller tells the user. */
export async function sendEmail(message: EmailMessage): Promise<SendResult> {
  const id = crypto.randomUUID();
  const { SMTP_URL, MAIL_FROM, NEXTAUTH_SECRET } = env();
  const row = { id, clinicId: message.clinicId, kind: message.kind, toAddress: message.to, subject: message.subject, createdBy: message.createdBy };
  if (!SMTP_URL) {
    await db.insert(outboundEmails).values({ ...row, state: "outbox", bodyCiphertext: sealBody({ text: message.text, html: message.html }, id, NEXTAUTH_SECRET) });
    return { state: "outbox", id };
  }
  try {
    await transport(SMTP_URL).sendMail({ from: MAIL_FROM, to: message.to, subject: message.subject, text: message.text, html: message.html });
  } catch (error) {
    // The reason, without the message (it may hold a link), for the outbox page and the logs.
    const reason = error instanceof Error ? error.message.slice(0, 500) : "unknown error";
    console.error(`Email ${id} (${message.kind}) could not be sent: ${reason}`);
    await db.insert(outboundEmails).values({ ...row, state: "failed", error: reason });
    return { state: "failed", id };
  }
  await db.insert(outboundEmails).values({ ...row, state: "sent", sentAt: new Date() });
  return { state: "sent", id };
}
