// Where a patient is told to go when something is wrong depends on the country: the emergency
// number, the urgent-advice service and the word for the family doctor. A clinic picks its country;
// "other" lets its admin type the three. Patient-facing text carries {placeholders} that
// `applySafetyWording` fills from the clinic's wording when a plan is issued.
import { z } from "zod";

export const countries = ["GB", "IE", "US", "CA", "AU", "NZ", "other"] as const;
export type Country = (typeof countries)[number];
export const countrySchema = z.enum(countries);

export type PresetCountry = Exclude<Country, "other">;

export const countryNames: Record<Country, string> = {
  GB: "United Kingdom",
  IE: "Ireland",
  US: "United States",
  CA: "Canada",
  AU: "Australia",
  NZ: "New Zealand",
  other: "Other (type the safety wording)",
};

const phrase = (max: number) => z.string().trim().min(1).max(max);

/** The words the safety text is built from. Each reads after "call", "go to", "your". */
export const safetyWordingSchema = z.object({
  /** "999": what a patient dials in an emergency. */
  emergencyNumber: phrase(60),
  /** "A&E": where they go, with its article ("the emergency department"). */
  emergencyDepartment: phrase(80),
  /** "NHS 111": the urgent-advice service, as a name. */
  urgentAdvice: phrase(120),
  /** "call NHS 111": what a patient does to reach it, to follow "or". */
  urgentAdviceAction: phrase(140),
  /** "GP": follows "your". */
  familyDoctor: phrase(60),
});
export type SafetyWording = z.infer<typeof safetyWordingSchema>;

export const safetyPresets: Record<PresetCountry, SafetyWording> = {
  GB: {
    emergencyNumber: "999",
    emergencyDepartment: "A&E",
    urgentAdvice: "NHS 111",
    urgentAdviceAction: "call NHS 111",
    familyDoctor: "GP",
  },
  IE: {
    emergencyNumber: "112 (or 999)",
    emergencyDepartment: "the emergency department",
    urgentAdvice: "the GP out-of-hours service",
    urgentAdviceAction: "call the GP out-of-hours service",
    familyDoctor: "GP",
  },
  US: {
    emergencyNumber: "911",
    emergencyDepartment: "the emergency room",
    urgentAdvice: "urgent care",
    urgentAdviceAction: "go to an urgent care clinic",
    familyDoctor: "primary care provider",
  },
  CA: {
    emergencyNumber: "911",
    emergencyDepartment: "the emergency department",
    urgentAdvice: "811",
    urgentAdviceAction: "call 811",
    familyDoctor: "family doctor",
  },
  AU: {
    emergencyNumber: "000",
    emergencyDepartment: "the emergency department",
    urgentAdvice: "healthdirect (1800 022 222)",
    urgentAdviceAction: "call healthdirect on 1800 022 222",
    familyDoctor: "GP",
  },
  NZ: {
    emergencyNumber: "111",
    emergencyDepartment: "the emergency department",
    urgentAdvice: "Healthline (0800 611 116)",
    urgentAdviceAction: "call Healthline on 0800 611 116",
    familyDoctor: "GP",
  },
};

/** What the admin types for "other": the three things every country has a word for. */
export const customSafetyWordingSchema = z.object({
  emergencyNumber: phrase(60),
  urgentAdvice: phrase(120),
  familyDoctor: phrase(60),
});
export type CustomSafetyWording = z.infer<typeof customSafetyWordingSchema>;

/** Letter paper in North America, A4 everywhere else. */
export function defaultPaperFor(country: Country): "A4" | "LETTER" {
  return country === "US" || country === "CA" ? "LETTER" : "A4";
}

/** A sensible first guess for the time zone; the admin can pick another. */
export const defaultTimeZones: Record<PresetCountry, string> = {
  GB: "Europe/London",
  IE: "Europe/Dublin",
  US: "America/New_York",
  CA: "America/Toronto",
  AU: "Australia/Sydney",
  NZ: "Pacific/Auckland",
};

/**
 * The wording a clinic's patients read: the country's preset, or for "other" what the admin typed
 * (null while any of the three is missing, which the settings form refuses to save).
 */
export function safetyWordingFor(country: Country, custom: Partial<Record<keyof CustomSafetyWording, string | null>>): SafetyWording | null {
  if (country !== "other") return safetyPresets[country];
  const typed = customSafetyWordingSchema.safeParse(custom);
  if (!typed.success) return null;
  return {
    emergencyNumber: typed.data.emergencyNumber,
    emergencyDepartment: "the emergency department",
    urgentAdvice: typed.data.urgentAdvice,
    urgentAdviceAction: `contact ${typed.data.urgentAdvice}`,
    familyDoctor: typed.data.familyDoctor,
  };
}

const placeholder = /\{(\w+)\}/g;

/**
 * Fills `{emergencyNumber}`, `{emergencyDepartment}`, `{urgentAdvice}`, `{urgentAdviceAction}` and
 * `{familyDoctor}` (capitalised when written `{FamilyDoctor}`, for the start of a sentence).
 * An unknown placeholder is a programming error in the catalogue text: it throws.
 */
export function applySafetyWording(text: string, wording: SafetyWording): string {
  return text.replace(placeholder, (_match, name: string) => {
    const key = (name[0].toLowerCase() + name.slice(1)) as keyof SafetyWording;
    const value = wording[key];
    if (typeof value !== "string") throw new Error(`Unknown safety placeholder {${name}}`);
    return name[0] === name[0].toUpperCase() ? value[0].toUpperCase() + value.slice(1) : value;
  });
}

/** Every string inside a value, placeholders filled; the shape is kept. For the safety and education documents. */
export function applySafetyWordingDeep<T>(value: T, wording: SafetyWording): T {
  if (typeof value === "string") return applySafetyWording(value, wording) as T;
  if (Array.isArray(value)) return value.map((entry) => applySafetyWordingDeep(entry, wording)) as T;
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([key, entry]) => [key, applySafetyWordingDeep(entry, wording)])) as T;
  }
  return value;
}
