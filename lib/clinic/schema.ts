// What the clinic settings form accepts: the one zod schema the action parses FormData with.
import { z } from "zod";
import { contrastWithWhite, minimumContrast } from "./colour";
import { parsePhone } from "./phone";
import { countries, countryNames } from "./safety-presets";

const optionalText = (max: number, what: string) =>
  z
    .string()
    .trim()
    .max(max, `${what} must be ${max} characters or fewer`)
    .optional()
    .transform((value) => (value ? value : null));

let zones: Set<string> | undefined;
/** The IANA time zones this server knows (plus UTC, which Intl lists under its own name). */
export function timeZones(): string[] {
  return [...new Set([...Intl.supportedValuesOf("timeZone"), "UTC"])].sort();
}
function isTimeZone(value: string): boolean {
  zones ??= new Set(timeZones());
  return zones.has(value);
}

export const clinicSettingsSchema = z
  .object({
    name: z.string({ error: "Enter the clinic's name" }).trim().min(1, "Enter the clinic's name").max(200, "The name must be 200 characters or fewer"),
    address: optionalText(400, "The address"),
    // Stored as typed (trimmed); the tel: links dial its digits (lib/clinic/phone.ts).
    phone: optionalText(60, "The phone number").superRefine((value, context) => {
      const parsed = value ? parsePhone(value) : null;
      if (parsed && !parsed.ok) context.addIssue({ code: "custom", message: parsed.problem });
    }),
    email: z
      .string()
      .trim()
      .max(200, "The email must be 200 characters or fewer")
      .optional()
      .refine((value) => !value || z.email().safeParse(value).success, "Enter an email address like hello@clinic.example")
      .transform((value) => (value ? value.toLowerCase() : null)),
    website: optionalText(200, "The website").refine(
      (value) => !value || /^(https?:\/\/)?[a-z0-9-]+(\.[a-z0-9-]+)+(:\d+)?(\/\S*)?$/i.test(value),
      "Enter a web address like www.clinic.example",
    ),
    accentColour: z
      .string({ error: "Choose a brand colour" })
      .trim()
      .regex(/^#[0-9a-fA-F]{6}$/, "Enter the colour as # and six hex digits, e.g. #0f766e")
      .transform((value) => value.toLowerCase())
      .superRefine((value, context) => {
        const ratio = contrastWithWhite(value);
        if (ratio < minimumContrast) {
          context.addIssue({
            code: "custom",
            message: `This colour is too light to read on white (contrast ${(Math.floor(ratio * 100) / 100).toFixed(2)}:1; at least ${minimumContrast}:1 is needed). Choose a darker shade.`,
          });
        }
      }),
    country: z.enum(countries, { error: "Choose a country from the list" }),
    timeZone: z.string({ error: "Choose a time zone" }).trim().refine(isTimeZone, "Choose a time zone from the list"),
    paperSize: z.enum(["A4", "LETTER"], { error: "Choose A4 or Letter" }),
    safetyEmergencyNumber: optionalText(60, "The emergency number"),
    safetyUrgentAdvice: optionalText(120, "The urgent-advice service"),
    safetyFamilyDoctor: optionalText(60, "The family doctor word"),
    removeLogo: z.enum(["on"]).optional(),
  })
  .superRefine((input, context) => {
    if (input.country !== "other") return;
    const required = [
      ["safetyEmergencyNumber", "Enter the emergency number patients call, e.g. 112"],
      ["safetyUrgentAdvice", "Enter the urgent-advice service, e.g. the out-of-hours doctor on 116 117"],
      ["safetyFamilyDoctor", "Enter the word for a family doctor, e.g. family doctor"],
    ] as const;
    for (const [field, message] of required) {
      if (!input[field]) context.addIssue({ code: "custom", path: [field], message });
    }
  });
export type ClinicSettingsInput = z.infer<typeof clinicSettingsSchema>;

export { countryNames };
