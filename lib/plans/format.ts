// Dates as a UK clinic reads them, the same on the server and in the browser.
const dateFormat = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "Europe/London" });
const dateTimeFormat = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "short",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  timeZone: "Europe/London",
});

/** "4 Mar 2026" from a Date or an ISO date ("2026-03-04"). */
export function formatDate(value: Date | string | null | undefined): string {
  if (!value) return "";
  const date = typeof value === "string" ? new Date(value.length === 10 ? `${value}T12:00:00Z` : value) : value;
  return dateFormat.format(date);
}

/** "4 Mar 2026, 10:15". */
export function formatDateTime(value: Date | string | null | undefined): string {
  if (!value) return "";
  return dateTimeFormat.format(typeof value === "string" ? new Date(value) : value);
}
