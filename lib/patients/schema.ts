// What a patient form accepts: the one zod schema the action parses FormData with and lib/patients trusts.
import { z } from "zod";
import { conditionSlugSchema } from "@/lib/catalogue/types";
import { idSchema } from "@/lib/ids";

const optionalText = (max: number, what: string) =>
  z
    .string()
    .trim()
    .max(max, `${what} must be ${max} characters or fewer`)
    .optional()
    .transform((value) => (value ? value : null));

/** One value or many: FormData repeats a name per ticked checkbox. */
const conditionList = z.preprocess(
  (value) => (value === undefined || value === "" ? [] : Array.isArray(value) ? value : [value]),
  z.array(conditionSlugSchema, { error: "Choose conditions from the list" }),
);

export const patientInputSchema = z.object({
  firstName: z.string({ error: "Enter a first name" }).trim().min(1, "Enter a first name").max(100, "First name must be 100 characters or fewer"),
  lastName: z.string({ error: "Enter a last name" }).trim().min(1, "Enter a last name").max(100, "Last name must be 100 characters or fewer"),
  email: z
    .string()
    .trim()
    .max(200, "Email must be 200 characters or fewer")
    .optional()
    .refine((value) => !value || z.email().safeParse(value).success, "Enter an email address like name@example.com")
    .transform((value) => (value ? value.toLowerCase() : null)),
  phone: optionalText(40, "Phone"),
  birthYear: z
    .string()
    .trim()
    .optional()
    .refine((value) => !value || /^\d{4}$/.test(value), "Birth year looks like 1968")
    .transform((value) => (value ? Number(value) : null))
    .refine(
      (year) => year === null || (year >= 1900 && year <= new Date().getFullYear()),
      `Birth year must be between 1900 and ${new Date().getFullYear()}`,
    ),
  conditions: conditionList.transform((slugs) => [...new Set(slugs)]),
  notes: optionalText(4000, "Notes"),
  clinicianId: idSchema("Choose the responsible clinician"),
});
export type PatientInput = z.output<typeof patientInputSchema>;

export const patientSorts = ["name", "updated"] as const;
export const patientSortSchema = z.enum(patientSorts);
export type PatientSort = z.infer<typeof patientSortSchema>;

/** The list page's URL: bad values fall back to defaults rather than failing the page. */
export const patientListQuerySchema = z.object({
  q: z.string().trim().max(100).catch("").default(""),
  sort: patientSortSchema.catch("name").default("name"),
  archived: z
    .string()
    .optional()
    .transform((value) => value === "1" || value === "true" || value === "on")
    .catch(false),
  page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
});
export type PatientListQuery = z.output<typeof patientListQuerySchema>;

export const patientsPerPage = 25;
