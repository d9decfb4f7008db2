// The shape of one catalogue exercise: the built-in data and clinic custom exercises both parse with it.
import { z } from "zod";
import { doseSchema } from "./dose";
import { categorySchema, conditionSlugSchema, equipmentSchema, levelSchema, regionSchema } from "./types";

const noDuplicates = <T>(items: T[]) => new Set(items).size === items.length;

/** A sentence a patient reads: starts with a capital letter and ends with a full stop. */
const sentence = (what: string, max: number) =>
  z
    .string()
    .trim()
    .min(1, `${what} is required`)
    .max(max, `${what} must be ${max} characters or fewer`)
    .regex(/^[A-Z0-9].*[.!?]$/s, `${what} must be a full sentence, starting with a capital and ending with a full stop`);

export const exerciseSlugSchema = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "Slug must be lower-case words joined by hyphens");

export const exerciseDefinitionSchema = z.object({
  slug: exerciseSlugSchema,
  name: z.string().trim().min(1, "Name is required").max(80, "Name must be 80 characters or fewer"),
  /** Other names clinicians and patients search for ("sphinx", "SLR", "clam"). */
  aliases: z
    .array(z.string().trim().min(1).max(60))
    .refine(noDuplicates, "Aliases must not repeat"),
  summary: sentence("Summary", 140),
  regions: z.array(regionSchema).min(1, "Choose at least one region").refine(noDuplicates, "Regions must not repeat"),
  /** The first category is the primary one. */
  categories: z
    .array(categorySchema)
    .min(1, "Choose at least one category")
    .refine(noDuplicates, "Categories must not repeat"),
  /** The starting level, 1 (easiest) to 3. */
  level: levelSchema,
  /** "none" when nothing is needed; otherwise everything the exercise or its progression uses. */
  equipment: z
    .array(equipmentSchema)
    .min(1, "Choose at least one item, or none")
    .refine(noDuplicates, "Equipment must not repeat")
    .refine((e) => !e.includes("none") || e.length === 1, "No equipment cannot be combined with other items"),
  suits: z
    .array(conditionSlugSchema)
    .min(1, "Choose at least one condition")
    .refine(noDuplicates, "Conditions must not repeat"),
  /** Conditions for which the plan builder warns before the exercise is added. */
  cautionFor: z.array(conditionSlugSchema).refine(noDuplicates, "Conditions must not repeat"),
  /** Set-up, movement, hold, return: each step one second-person sentence. */
  steps: z.array(sentence("Step", 240)).min(3, "Give at least 3 steps").max(6, "Give at most 6 steps"),
  cues: z
    .array(z.string().trim().min(1).max(80, "A cue must be 80 characters or fewer"))
    .min(1, "Give at least one cue")
    .max(3, "Give at most 3 cues"),
  caution: sentence("Caution", 240),
  defaultDose: doseSchema,
  progression: sentence("Progression", 200),
  regression: sentence("Regression", 200),
});
export type ExerciseDefinition = z.infer<typeof exerciseDefinitionSchema>;
