// When a clinician should look at a plan: a high pain score lately, or a patient gone quiet.
// Pure, so the rule is tested apart from the queries that feed it. Plans that have ended are not
// fed to it at all (lib/plans/ending.ts), and an acknowledged alert stays quiet until newer data:
// for pain, the query only reads pain logged after the acknowledgement; for silence, see below.

/** Pain scores this recent count towards a pain alert. */
export const painWindowDays = 3;
/** No session for this long after the plan was issued raises a silence alert. */
export const silenceDays = 7;

export type AdherenceAlert =
  | { kind: "pain"; pain: number; threshold: number; loggedOn: string }
  | { kind: "silence"; days: number };

export type AlertInput = {
  painAlertAt: number;
  /** The highest pain at or above the alert level logged within `painWindowDays` (and after an acknowledgement), and its date. */
  recentPain: number | null;
  recentPainOn: string | null;
  lastLoggedAt: Date | null;
  /** When the newest version was issued: a re-issue (usually at a visit) restarts the clock. */
  issuedAt: Date;
  /** Silence means nothing without a way to log: no live link, no silence alert. */
  hasLiveLink: boolean;
  /** When a clinician last acknowledged the silence alert: quiet until a log (or a re-issue) is newer. */
  silenceAcknowledgedAt?: Date | null;
};

export const alertKinds = ["pain", "silence"] as const;
export type AlertKind = (typeof alertKinds)[number];

export function alertsOf(input: AlertInput, now: Date = new Date()): AdherenceAlert[] {
  const alerts: AdherenceAlert[] = [];
  if (input.recentPain !== null && input.recentPainOn && input.recentPain >= input.painAlertAt) {
    alerts.push({ kind: "pain", pain: input.recentPain, threshold: input.painAlertAt, loggedOn: input.recentPainOn });
  }
  const lastActivity = Math.max(input.issuedAt.getTime(), input.lastLoggedAt?.getTime() ?? 0);
  const quietDays = Math.floor((now.getTime() - lastActivity) / 86_400_000);
  const acknowledged = input.silenceAcknowledgedAt != null && input.silenceAcknowledgedAt.getTime() >= lastActivity;
  if (input.hasLiveLink && quietDays >= silenceDays && !acknowledged) alerts.push({ kind: "silence", days: quietDays });
  return alerts;
}

export function describeAlert(alert: AdherenceAlert, formatDay: (iso: string) => string): string {
  return alert.kind === "pain"
    ? `Pain ${alert.pain}/10 logged on ${formatDay(alert.loggedOn)} (alert at ${alert.threshold} or more)`
    : `Nothing logged for ${alert.days} days`;
}

/** The alert's name on an acknowledge button. */
export const alertKindText: Record<AlertKind, string> = { pain: "pain alert", silence: "“nothing logged” alert" };
