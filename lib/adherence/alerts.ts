// When a clinician should look at a plan, and why: pain at or above the plan's alert level lately,
// the pain-monitoring model's signs that the load is too much (pain during exercise above 5/10, pain
// or stiffness worse the morning after repeatedly, a knee more swollen the morning after), or a
// patient gone quiet. Pure, so the rules are tested apart from the queries that feed them. Plans
// that have ended are not fed to it at all (lib/plans/ending.ts), and an acknowledged alert stays
// quiet until newer data: the query reads only logs made after that kind's acknowledgement; for
// silence, see below.

/** Pain scores (and exercise pain, and swelling) this recent count towards an alert. */
export const painWindowDays = 3;
/** No session for this long after the plan was issued raises a silence alert. */
export const silenceDays = 7;
/** The pain-monitoring model (clinical brief §3): pain during exercise up to 5/10 is acceptable; above it, reduce the load. */
export const exercisePainAbove = 5;
/** "Worse the next day" counts over the patient's last few answers, and only answers this recent. */
export const nextDayAnswersCounted = 3;
export const nextDayWorseToAlert = 2;
export const nextDayWindowDays = 14;

export type NextDayAnswer = { change: "better" | "same" | "worse"; /** The session it is about. */ about: string };

export type AdherenceAlert =
  | { kind: "pain"; pain: number; threshold: number; loggedOn: string }
  | { kind: "exercise-pain"; pain: number; above: number; loggedOn: string }
  | { kind: "next-day"; worse: number; of: number; latestAbout: string }
  | { kind: "swelling"; about: string }
  | { kind: "silence"; days: number };

export type AlertInput = {
  painAlertAt: number;
  /** The highest pain at or above the alert level logged within `painWindowDays` (and after an acknowledgement), and its date. */
  recentPain: number | null;
  recentPainOn: string | null;
  /** The highest pain during exercise above `exercisePainAbove` within `painWindowDays` (after an acknowledgement), and its date. */
  exercisePain?: number | null;
  exercisePainOn?: string | null;
  /** The patient's newest next-day answers (at most `nextDayAnswersCounted`, within `nextDayWindowDays`, after an acknowledgement), newest first. */
  nextDayAnswers?: NextDayAnswer[];
  /** The session after which the knee was last more swollen, told within `painWindowDays` (after an acknowledgement). */
  swellingAfter?: string | null;
  lastLoggedAt: Date | null;
  /** When the newest version was issued: a re-issue (usually at a visit) restarts the clock. */
  issuedAt: Date;
  /** Silence means nothing without a way to log: no live link, no silence alert. */
  hasLiveLink: boolean;
  /** When a clinician last acknowledged the silence alert: quiet until a log (or a re-issue) is newer. */
  silenceAcknowledgedAt?: Date | null;
};

export const alertKinds = ["pain", "exercise-pain", "next-day", "swelling", "silence"] as const;
export type AlertKind = (typeof alertKinds)[number];

export function alertsOf(input: AlertInput, now: Date = new Date()): AdherenceAlert[] {
  const alerts: AdherenceAlert[] = [];
  if (input.recentPain !== null && input.recentPainOn && input.recentPain >= input.painAlertAt) {
    alerts.push({ kind: "pain", pain: input.recentPain, threshold: input.painAlertAt, loggedOn: input.recentPainOn });
  }
  if (input.exercisePain != null && input.exercisePainOn && input.exercisePain > exercisePainAbove) {
    alerts.push({ kind: "exercise-pain", pain: input.exercisePain, above: exercisePainAbove, loggedOn: input.exercisePainOn });
  }
  const answers = (input.nextDayAnswers ?? []).slice(0, nextDayAnswersCounted);
  const worse = answers.filter((answer) => answer.change === "worse");
  if (worse.length >= nextDayWorseToAlert) {
    alerts.push({ kind: "next-day", worse: worse.length, of: answers.length, latestAbout: worse[0].about });
  }
  if (input.swellingAfter) alerts.push({ kind: "swelling", about: input.swellingAfter });
  const lastActivity = Math.max(input.issuedAt.getTime(), input.lastLoggedAt?.getTime() ?? 0);
  const quietDays = Math.floor((now.getTime() - lastActivity) / 86_400_000);
  const acknowledged = input.silenceAcknowledgedAt != null && input.silenceAcknowledgedAt.getTime() >= lastActivity;
  if (input.hasLiveLink && quietDays >= silenceDays && !acknowledged) alerts.push({ kind: "silence", days: quietDays });
  return alerts;
}

/** Why the alert fired, in a line: the value, its date and the rule it broke. */
export function describeAlert(alert: AdherenceAlert, formatDay: (iso: string) => string): string {
  switch (alert.kind) {
    case "pain":
      return `Pain ${alert.pain}/10 logged on ${formatDay(alert.loggedOn)} (alert at ${alert.threshold} or more)`;
    case "exercise-pain":
      return `Pain during exercise ${alert.pain}/10 on ${formatDay(alert.loggedOn)} (above ${alert.above})`;
    case "next-day":
      return `Pain or stiffness worse the morning after ${alert.worse} of the last ${alert.of} sessions (the latest after the session on ${formatDay(alert.latestAbout)})`;
    case "swelling":
      return `Knee more swollen the morning after the session on ${formatDay(alert.about)}`;
    case "silence":
      return `Nothing logged for ${alert.days} days`;
  }
}

/** Alerts that say the exercise may be too much, as against a patient gone quiet. */
export function isPainAlert(alert: AdherenceAlert): boolean {
  return alert.kind !== "silence";
}

/** The alert's name on an acknowledge button. */
export const alertKindText: Record<AlertKind, string> = {
  pain: "pain alert",
  "exercise-pain": "pain-during-exercise alert",
  "next-day": "“worse the next day” alert",
  swelling: "knee swelling alert",
  silence: "“nothing logged” alert",
};

/** "a pain alert", for the activity list's "acknowledged …" (an unknown kind reads as an alert). */
export function acknowledgedText(kind: unknown): string {
  return typeof kind === "string" && Object.hasOwn(alertKindText, kind) ? `a ${alertKindText[kind as AlertKind]}` : "an alert";
}
