// Dates and times as a clinic reads them, the same on the server and in the browser: one module,
// given the clinic's time zone and locale. Until the pages pass each clinic's own settings, every
// clinic reads UK dates (the default below); a calendar date ("2026-03-04") is the same day anywhere.
export interface ClinicClock {
  /** an IANA time zone, e.g. "Europe/London" */
  timeZone: string;
  /** a BCP 47 locale, e.g. "en-GB" */
  locale: string;
}

export const defaultClinicClock: ClinicClock = { timeZone: "Europe/London", locale: "en-GB" };

const styles = {
  /** 4 Mar 2026 */
  date: { day: "numeric", month: "short", year: "numeric" },
  /** 4 March 2026 */
  longDate: { day: "numeric", month: "long", year: "numeric" },
  /** 4 Mar 2026, 10:15 */
  dateTime: { day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit" },
  /** 4 March 2026 at 10:15 */
  longDateTime: { dateStyle: "long", timeStyle: "short" },
  /** 2026-03-04, in the "en-CA" locale */
  isoDate: { year: "numeric", month: "2-digit", day: "2-digit" },
} satisfies Record<string, Intl.DateTimeFormatOptions>;
type Style = keyof typeof styles;

// Building an Intl.DateTimeFormat costs far more than using one; there are a few styles and a few
// clinics' zones, so the map stays small.
const formats = new Map<string, Intl.DateTimeFormat>();
function formatter(style: Style, locale: string, timeZone: string): Intl.DateTimeFormat {
  const key = `${style} ${locale} ${timeZone}`;
  let format = formats.get(key);
  if (!format) formats.set(key, (format = new Intl.DateTimeFormat(locale, { ...styles[style], timeZone })));
  return format;
}

type DateValue = Date | string | null | undefined;

function format(style: Style, value: DateValue, clock: ClinicClock): string {
  if (!value) return "";
  // A calendar date names a day, not an instant: it reads the same in every time zone.
  if (typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value)) return formatter(style, clock.locale, "UTC").format(new Date(`${value}T12:00:00Z`));
  return formatter(style, clock.locale, clock.timeZone).format(typeof value === "string" ? new Date(value) : value);
}

/** "4 Mar 2026", from an instant or a calendar date ("2026-03-04"). */
export function formatDate(value: DateValue, clock: ClinicClock = defaultClinicClock): string {
  return format("date", value, clock);
}

/** "4 March 2026". */
export function formatLongDate(value: DateValue, clock: ClinicClock = defaultClinicClock): string {
  return format("longDate", value, clock);
}

/** "4 Mar 2026, 10:15". */
export function formatDateTime(value: DateValue, clock: ClinicClock = defaultClinicClock): string {
  return format("dateTime", value, clock);
}

/** "4 March 2026 at 10:15". */
export function formatLongDateTime(value: DateValue, clock: ClinicClock = defaultClinicClock): string {
  return format("longDateTime", value, clock);
}

/** The calendar date of an instant in a time zone (the clinic's day), as `YYYY-MM-DD`. */
export function dateInZone(moment: Date, timeZone: string): string {
  return formatter("isoDate", "en-CA", timeZone).format(moment);
}
