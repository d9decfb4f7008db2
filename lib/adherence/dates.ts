// The calendar-day helpers live in lib/dates/format.ts (one home for dates, given the clinic's time
// zone); these names stay for the pages that still import them from here.
export { addDays, clinicDate, daysBetween, endOfClinicDay, formatDay, formatShortDate, formatLongDate as formatFullDate, mondayOf } from "@/lib/dates/format";
