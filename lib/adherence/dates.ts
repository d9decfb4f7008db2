// Calendar days as the clinic and its patients count them. Clinics carry no time zone yet and the
// product is written for UK clinics, so "today" is today in London; dates are ISO `YYYY-MM-DD`.
export const clinicTimeZone = "Europe/London";

const isoFormat = new Intl.DateTimeFormat("en-CA", { timeZone: clinicTimeZone, year: "numeric", month: "2-digit", day: "2-digit" });

/** The calendar date of a moment in the clinic's time zone. */
export function clinicDate(moment: Date = new Date()): string {
  return isoFormat.format(moment);
}

/** `iso` moved by `days` (negative to go back). */
export function addDays(iso: string, days: number): string {
  const date = new Date(`${iso}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** The Monday of the week `iso` falls in. */
export function mondayOf(iso: string): string {
  const weekday = (new Date(`${iso}T12:00:00Z`).getUTCDay() + 6) % 7;
  return addDays(iso, -weekday);
}

/** Whole days from `from` to `to` (both ISO dates). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T12:00:00Z`) - Date.parse(`${from}T12:00:00Z`)) / 86_400_000);
}

const longFormat = new Intl.DateTimeFormat("en-GB", { timeZone: "UTC", weekday: "short", day: "numeric", month: "short" });
const fullFormat = new Intl.DateTimeFormat("en-GB", { timeZone: "UTC", day: "numeric", month: "long", year: "numeric" });
const shortFormat = new Intl.DateTimeFormat("en-GB", { timeZone: "UTC", day: "numeric", month: "short" });

/** "Tue 3 Mar" */
export function formatDay(iso: string): string {
  return longFormat.format(new Date(`${iso}T12:00:00Z`));
}

/** "3 March 2026" */
export function formatFullDate(iso: string): string {
  return fullFormat.format(new Date(`${iso}T12:00:00Z`));
}

/** "3 Mar" */
export function formatShortDate(iso: string): string {
  return shortFormat.format(new Date(`${iso}T12:00:00Z`));
}

/** The moment a clinic day ends (midnight at its close, in the clinic's time zone). */
export function endOfClinicDay(iso: string): Date {
  const next = addDays(iso, 1);
  // Midnight UTC of the next day, shifted by the zone's offset at that moment (DST-safe to the hour).
  const utcMidnight = new Date(`${next}T00:00:00Z`);
  const parts = new Intl.DateTimeFormat("en-GB", {
    timeZone: clinicTimeZone,
    hour12: false,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
  }).formatToParts(utcMidnight);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const wall = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour") % 24, get("minute"));
  return new Date(utcMidnight.getTime() - (wall - utcMidnight.getTime()));
}
