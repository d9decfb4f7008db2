// Dates and times as a clinic reads and counts them, the same on the server and in the browser: one
// module, given the clinic's time zone and locale. Until the pages pass each clinic's own settings,
// every clinic reads UK dates (the default below); a calendar date ("2026-03-04") is the same day
// anywhere.
import { BoundedCache } from "@/lib/cache/bounded-cache";

export interface ClinicClock {
  /** an IANA time zone, e.g. "Europe/London" */
  timeZone: string;
  /** a BCP 47 locale, e.g. "en-GB" */
  locale: string;
}

export const defaultClinicClock: ClinicClock = { timeZone: "Europe/London", locale: "en-GB" };

/** The clock of a clinic whose time zone is `timeZone` (the default when it has none). */
export function clinicClock(timeZone: string | null | undefined): ClinicClock {
  return { ...defaultClinicClock, timeZone: timeZone ?? defaultClinicClock.timeZone };
}

const styles = {
  /** 4 Mar 2026 */
  date: { day: "numeric", month: "short", year: "numeric" },
  /** 4 March 2026 */
  longDate: { day: "numeric", month: "long", year: "numeric" },
  /** 4 Mar */
  shortDate: { day: "numeric", month: "short" },
  /** Wed 4 Mar */
  day: { weekday: "short", day: "numeric", month: "short" },
  /** 4 Mar 2026, 10:15 */
  dateTime: { day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit" },
  /** 4 March 2026 at 10:15 */
  longDateTime: { dateStyle: "long", timeStyle: "short" },
  /** 2026-03-04, in the "en-CA" locale */
  isoDate: { year: "numeric", month: "2-digit", day: "2-digit" },
  /** the wall clock's parts, for finding a zone's offset */
  wallClock: { hour12: false, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit" },
} satisfies Record<string, Intl.DateTimeFormatOptions>;
type Style = keyof typeof styles;

// Building an Intl.DateTimeFormat costs far more than using one; there are a few styles and a few
// clinics' zones.
const formats = new BoundedCache<string, Intl.DateTimeFormat>(200);
function formatter(style: Style, locale: string, timeZone: string): Intl.DateTimeFormat {
  return formats.getOrSet(`${style} ${locale} ${timeZone}`, () => new Intl.DateTimeFormat(locale, { ...styles[style], timeZone }));
}

type DateValue = Date | string | null | undefined;
const calendarDate = /^\d{4}-\d{2}-\d{2}$/;

/** Noon UTC of a calendar date: the same day in every time zone's reading of it. */
function noonOf(iso: string): Date {
  return new Date(`${iso}T12:00:00Z`);
}

function format(style: Style, value: DateValue, clock: ClinicClock): string {
  if (!value) return "";
  // A calendar date names a day, not an instant: it reads the same in every time zone.
  if (typeof value === "string" && calendarDate.test(value)) return formatter(style, clock.locale, "UTC").format(noonOf(value));
  return formatter(style, clock.locale, clock.timeZone).format(typeof value === "string" ? new Date(value) : value);
}

const formatAs =
  (style: Style) =>
  (value: DateValue, clock: ClinicClock = defaultClinicClock): string =>
    format(style, value, clock);

/** "4 Mar 2026", from an instant or a calendar date ("2026-03-04"). */
export const formatDate = formatAs("date");
/** "4 March 2026". */
export const formatLongDate = formatAs("longDate");
/** "4 Mar". */
export const formatShortDate = formatAs("shortDate");
/** "Wed 4 Mar". */
export const formatDay = formatAs("day");
/** "4 Mar 2026, 10:15". */
export const formatDateTime = formatAs("dateTime");
/** "4 March 2026 at 10:15". */
export const formatLongDateTime = formatAs("longDateTime");

// ------------------------------------------------------------------ calendar days
// Days as the clinic and its patients count them: ISO `YYYY-MM-DD`, "today" being today where the
// clinic is.

/** The calendar date of a moment in the clinic's time zone. */
export function clinicDate(moment: Date = new Date(), timeZone: string = defaultClinicClock.timeZone): string {
  return dateInZone(moment, timeZone);
}

/** `iso` moved by `days` (negative to go back). */
export function addDays(iso: string, days: number): string {
  const date = noonOf(iso);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** The Monday of the week `iso` falls in. */
export function mondayOf(iso: string): string {
  const weekday = (noonOf(iso).getUTCDay() + 6) % 7;
  return addDays(iso, -weekday);
}

/** Whole days from `from` to `to` (both ISO dates). */
export function daysBetween(from: string, to: string): number {
  return Math.round((noonOf(to).getTime() - noonOf(from).getTime()) / 86_400_000);
}

/** The moment a clinic day ends (midnight at its close, in the clinic's time zone). */
export function endOfClinicDay(iso: string, timeZone: string = defaultClinicClock.timeZone): Date {
  const next = addDays(iso, 1);
  // Midnight UTC of the next day, shifted by the zone's offset at that moment (DST-safe to the hour).
  const utcMidnight = new Date(`${next}T00:00:00Z`);
  const parts = formatter("wallClock", "en-GB", timeZone).formatToParts(utcMidnight);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const wall = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour") % 24, get("minute"));
  return new Date(utcMidnight.getTime() - (wall - utcMidnight.getTime()));
}

/** The calendar date of an instant in a time zone (the clinic's day), as `YYYY-MM-DD`. */
export function dateInZone(moment: Date, timeZone: string): string {
  return formatter("isoDate", "en-CA", timeZone).format(moment);
}
