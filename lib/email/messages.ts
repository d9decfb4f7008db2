// The words of every email the app sends, as plain text and as HTML (escaped by lib/html's template).
// Subjects name the clinic and never a condition or a plan's title: an inbox preview is not private.
import { html, type Markup } from "@/lib/html/markup";

type Message = { subject: string; text: string; html: string };

function page(title: string, paragraphs: (Markup | string)[], link?: { href: string; label: string }): string {
  return html`<!doctype html>
<html lang="en-GB"><head><meta charset="utf-8"><title>${title}</title></head>
<body style="font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5;color:#0f172a;max-width:560px;margin:0 auto;padding:24px">
${paragraphs.map((p) => html`<p>${p}</p>`)}
${link ? html`<p><a href="${link.href}" style="display:inline-block;background:#0f766e;color:#ffffff;padding:10px 16px;border-radius:8px;text-decoration:none;font-weight:bold">${link.label}</a></p><p style="font-size:14px;color:#475569">Or copy this address into your browser: ${link.href}</p>` : ""}
</body></html>`.value;
}

export function invitationMessage(input: { clinicName: string; inviterName: string; url: string; role: "admin" | "clinician" }): Message {
  const subject = `${input.clinicName} invites you to Physioplan`;
  const lines = [
    `${input.inviterName} has invited you to join ${input.clinicName} on Physioplan as ${input.role === "admin" ? "an admin" : "a clinician"}.`,
    "Choose your name and password with this link. It works once and expires in 7 days.",
  ];
  return {
    subject,
    text: `${lines.join("\n\n")}\n\n${input.url}\n\nIf you did not expect this, ignore this email.\n`,
    html: page(subject, [...lines, "If you did not expect this, ignore this email."], { href: input.url, label: "Accept the invitation" }),
  };
}

export function passwordResetMessage(input: { name: string; url: string }): Message {
  const subject = "Reset your Physioplan password";
  const lines = [`Hello ${input.name},`, "Someone (we hope you) asked to reset your Physioplan password. This link works once and expires in 30 minutes."];
  const after = "If you did not ask, ignore this email: your password stays as it is.";
  return {
    subject,
    text: `${lines.join("\n\n")}\n\n${input.url}\n\n${after}\n`,
    html: page(subject, [...lines, after], { href: input.url, label: "Choose a new password" }),
  };
}

export function passwordChangedMessage(input: { name: string; clinicName: string; when: string; how: "changed" | "reset" }): Message {
  const subject = "Your Physioplan password was changed";
  const lines = [
    `Hello ${input.name},`,
    `The password of your ${input.clinicName} account on Physioplan was ${input.how} on ${input.when}. Every other signed-in session has been signed out.`,
    "If this was not you, ask your clinic's admin to deactivate the account and contact them at once.",
  ];
  return { subject, text: `${lines.join("\n\n")}\n`, html: page(subject, lines) };
}

/** "Your two-factor sign-in changed": turned on, removed by its owner, or reset by an admin. */
export function twoFactorChangedMessage(input: { name: string; clinicName: string; when: string; how: "enrolled" | "removed" | "reset"; byName?: string }): Message {
  const subject = "Your Physioplan two-factor sign-in changed";
  const what =
    input.how === "enrolled"
      ? "was turned on: signing in now asks for a code from your authenticator app"
      : input.how === "removed"
        ? "was turned off: signing in now asks only for your password"
        : `was reset by ${input.byName ?? "an admin"}: your authenticator app's codes no longer work, and every signed-in session has been signed out`;
  const lines = [
    `Hello ${input.name},`,
    `Two-factor sign-in on your ${input.clinicName} account on Physioplan ${what} (${input.when}).`,
    "If this was not you or someone you asked, tell your clinic's admin at once.",
  ];
  return { subject, text: `${lines.join("\n\n")}\n`, html: page(subject, lines) };
}

export function planLinkMessage(input: { patientFirstName: string; clinicName: string; clinicianName: string; url: string; clinicPhone: string | null }): Message {
  const subject = `Your exercise plan from ${input.clinicName}`;
  const lines = [
    `Hello ${input.patientFirstName},`,
    `${input.clinicianName} at ${input.clinicName} has shared your home exercise plan. Open it with the link below: it shows each exercise, lets you download a printable copy and log your sessions.`,
    "Keep this link to yourself: anyone with it can read your plan.",
    input.clinicPhone ? `Questions? Call ${input.clinicName} on ${input.clinicPhone}.` : `Questions? Contact ${input.clinicName}.`,
  ];
  return {
    subject,
    text: `${lines.slice(0, 2).join("\n\n")}\n\n${input.url}\n\n${lines.slice(2).join("\n\n")}\n`,
    html: page(subject, lines, { href: input.url, label: "Open your plan" }),
  };
}
