// The rehab dose model (clinical brief §5) and the one plain-language line it reads as.
import { z } from "zod";

export const sides = ["each", "both", "left", "right", "alternate", "affected"] as const;
export const sideSchema = z.enum(sides);
export type Side = z.infer<typeof sideSchema>;
export const sideLabels: Record<Side, string> = {
  each: "each side",
  both: "both sides together",
  left: "left side",
  right: "right side",
  alternate: "alternate sides",
  affected: "affected side",
};

const whole = (min: number, max: number, what: string) =>
  z
    .number({ error: `${what} must be a whole number` })
    .int(`${what} must be a whole number`)
    .min(min, `${what} must be between ${min} and ${max}`)
    .max(max, `${what} must be between ${min} and ${max}`);

/** Limits a clinician cannot exceed; the builder refuses values outside them at the field. */
export const doseLimits = {
  sets: [1, 10],
  reps: [1, 100],
  holdSeconds: [1, 600],
  durationMinutes: [1, 120],
  restSeconds: [0, 600],
  perDay: [1, 12],
  daysPerWeek: [1, 7],
} as const;

export const doseSchema = z
  .object({
    sets: whole(...doseLimits.sets, "Sets").optional(),
    reps: whole(...doseLimits.reps, "Reps").optional(),
    holdSeconds: whole(...doseLimits.holdSeconds, "Hold").optional(),
    durationMinutes: whole(...doseLimits.durationMinutes, "Duration").optional(),
    restSeconds: whole(...doseLimits.restSeconds, "Rest").optional(),
    perDay: whole(...doseLimits.perDay, "Times a day").optional(),
    daysPerWeek: whole(...doseLimits.daysPerWeek, "Days a week").optional(),
    side: sideSchema.optional(),
    load: z.string().trim().max(60, "Load must be 60 characters or fewer").optional(),
    tempo: z
      .string()
      .trim()
      .regex(/^\d{1,2}(-\d{1,2}){1,3}$/, "Tempo looks like 3-1-3")
      .optional(),
    rangeLimit: z.string().trim().max(60, "Range limit must be 60 characters or fewer").optional(),
  })
  .refine(
    (d) => d.reps !== undefined || d.holdSeconds !== undefined || d.durationMinutes !== undefined,
    { message: "Give reps, a hold time or a duration", path: ["reps"] },
  );
export type Dose = z.infer<typeof doseSchema>;

const timesWords = ["", "once", "twice"];
function perDayText(n: number): string {
  return `${timesWords[n] ?? `${n} times`} a day`;
}

function secondsText(s: number): string {
  if (s >= 60 && s % 60 === 0) return `${s / 60} min`;
  return `${s} s`;
}

/**
 * The dose as the patient reads it, e.g.
 * "3 sets of 10 · hold 5 s · twice a day · 5 days a week · each side".
 */
export function formatDose(dose: Dose): string {
  const parts: string[] = [];
  const { sets, reps, holdSeconds, durationMinutes } = dose;
  if (reps !== undefined) {
    parts.push(sets && sets > 1 ? `${sets} sets of ${reps}` : `${reps} ${reps === 1 ? "time" : "times"}`);
    if (holdSeconds !== undefined) parts.push(`hold ${secondsText(holdSeconds)}`);
  } else if (holdSeconds !== undefined) {
    parts.push(`hold ${secondsText(holdSeconds)}`);
    if (sets && sets > 1) parts.push(`${sets} times`);
  } else if (sets && sets > 1) {
    parts.push(`${sets} sets`);
  }
  if (durationMinutes !== undefined) parts.push(`${durationMinutes} min`);
  if (dose.restSeconds) parts.push(`rest ${secondsText(dose.restSeconds)} between ${reps !== undefined ? "sets" : "holds"}`);
  if (dose.load) parts.push(dose.load);
  if (dose.tempo) parts.push(`tempo ${dose.tempo}`);
  if (dose.rangeLimit) parts.push(`range ${dose.rangeLimit}`);
  if (dose.perDay !== undefined) parts.push(perDayText(dose.perDay));
  if (dose.daysPerWeek !== undefined) {
    parts.push(dose.daysPerWeek === 7 ? "every day" : `${dose.daysPerWeek} ${dose.daysPerWeek === 1 ? "day" : "days"} a week`);
  }
  if (dose.side) parts.push(sideLabels[dose.side]);
  return parts.join(" · ");
}
