// The clinic's activity log for admins: sign-ins, passwords, team changes, settings and emailed
// plan links, newest first, filterable by user and kind, paged. Read from audit_events.
import "server-only";
import { and, count, desc, eq, inArray, like, or, type SQL } from "drizzle-orm";
import { db } from "@/db/client";
import { auditEvents, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { isAdmin } from "@/lib/auth/admin";

/** The kinds an admin filters by, each a set of audit actions (settings: any `settings.*` or `clinic.*` action). */
export const activityKinds = {
  "sign-in": { label: "Sign-ins", actions: ["sign-in.succeeded", "sign-in.failed", "sign-in.locked"] },
  password: { label: "Passwords and sessions", actions: ["password.changed", "password.reset", "password.reset-requested", "sessions.ended"] },
  team: { label: "Team", actions: ["user.invited", "user.joined", "user.deactivated", "user.reactivated", "user.role-changed", "invitation.revoked"] },
  settings: { label: "Clinic settings", actions: [] as string[], prefixes: ["settings.", "clinic."] },
  "two-factor": { label: "Two-factor sign-in", actions: ["two-factor.enrolled", "two-factor.removed", "two-factor.reset", "two-factor.failed", "two-factor.recovery-code-used", "clinic.two-factor-required"] },
  email: { label: "Emailed plan links", actions: ["plan-link.emailed", "patient.email-consent-recorded"] },
} as const;
export type ActivityKind = keyof typeof activityKinds;
export const activityKindNames = Object.keys(activityKinds) as ActivityKind[];

const securityActions = Object.values(activityKinds).flatMap((k) => [...k.actions]);
const securityPrefixes = ["settings.", "clinic."];

export const activityPageSize = 50;

export type ActivityEntry = { id: number; createdAt: Date; action: string; actorName: string | null; actorId: string | null; entityType: string; detail: Record<string, unknown> | null };

function kindCondition(kind: ActivityKind | undefined): SQL {
  if (!kind) return or(inArray(auditEvents.action, securityActions), ...securityPrefixes.map((p) => like(auditEvents.action, `${p}%`)))!;
  const entry = activityKinds[kind];
  const prefixes: readonly string[] = "prefixes" in entry ? entry.prefixes : [];
  const parts: SQL[] = [...(entry.actions.length ? [inArray(auditEvents.action, [...entry.actions])] : []), ...prefixes.map((p) => like(auditEvents.action, `${p}%`))];
  return or(...parts)!;
}

export async function listActivity(
  actor: Actor,
  query: { userId?: string; kind?: ActivityKind; page: number },
): Promise<{ entries: ActivityEntry[]; total: number; page: number; pages: number } | null> {
  if (!isAdmin(actor)) return null;
  const where = and(eq(auditEvents.clinicId, actor.clinicId), kindCondition(query.kind), query.userId ? eq(auditEvents.actorId, query.userId) : undefined);
  const [{ total }] = await db.select({ total: count() }).from(auditEvents).where(where);
  const pages = Math.max(1, Math.ceil(total / activityPageSize));
  const page = Math.min(Math.max(1, query.page), pages);
  const rows = await db
    .select({ id: auditEvents.id, createdAt: auditEvents.createdAt, action: auditEvents.action, actorId: auditEvents.actorId, actorName: users.name, entityType: auditEvents.entityType, detail: auditEvents.detail })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorId))
    .where(where)
    .orderBy(desc(auditEvents.createdAt), desc(auditEvents.id))
    .limit(activityPageSize)
    .offset((page - 1) * activityPageSize);
  return { entries: rows.map((r) => ({ ...r, detail: (r.detail as Record<string, unknown> | null) ?? null })), total, page, pages };
}

/** What happened, in the clinic's words. */
export function describeActivity(entry: ActivityEntry): string {
  const d = entry.detail ?? {};
  const email = typeof d.email === "string" ? d.email : "";
  switch (entry.action) {
    case "sign-in.succeeded":
      return "Signed in";
    case "sign-in.failed":
      return "Failed sign-in (wrong password)";
    case "sign-in.locked":
      return "Sign-in refused: locked after too many failures";
    case "password.changed":
      return "Changed their password";
    case "password.reset":
      return "Reset their password with an emailed link";
    case "password.reset-requested":
      return "Asked for a password reset link";
    case "sessions.ended":
      return "Signed out everywhere";
    case "user.invited":
      return `Invited ${email} as ${d.role === "admin" ? "an admin" : "a clinician"}`;
    case "user.joined":
      return `Accepted an invitation (${email})`;
    case "user.deactivated":
      return `Deactivated ${email}`;
    case "user.reactivated":
      return `Reactivated ${email}`;
    case "user.role-changed":
      return `Changed ${email} from ${String(d.from)} to ${String(d.to)}`;
    case "invitation.revoked":
      return `Withdrew the invitation to ${email}`;
    case "two-factor.enrolled":
      return "Turned on two-factor sign-in";
    case "two-factor.removed":
      return "Turned off two-factor sign-in";
    case "two-factor.reset":
      return `Reset the two-factor sign-in of ${email}`;
    case "two-factor.failed":
      return "Failed sign-in (wrong two-factor code)";
    case "two-factor.recovery-code-used":
      return "Signed in with a recovery code";
    case "clinic.two-factor-required":
      return d.required ? "Required two-factor sign-in for everyone" : "Stopped requiring two-factor sign-in";
    case "clinic.set-up":
      return "Set up the clinic";
    case "patient.email-consent-recorded":
      return "Recorded a patient's consent to email";
    case "plan-link.emailed":
      return `Emailed a plan link to a patient${d.state === "failed" ? " (delivery failed)" : d.state === "outbox" ? " (in the outbox)" : ""}`;
    default:
      return entry.action.startsWith("settings.") || entry.action.startsWith("clinic.") ? `Changed clinic settings (${entry.action})` : entry.action;
  }
}
