// A clinic's own exercises: created from scratch or by duplicating a built-in (or own) one, edited and
// archived by that clinic only. Built-in exercises are read-only.
import "server-only";
import crypto from "node:crypto";
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { db } from "@/db/client";
import { exercises } from "@/db/schema";
import { recordAuditBy } from "@/lib/audit/record";
import type { Actor } from "@/lib/auth/actor";
import { isUuid } from "@/lib/ids";
import { UserError } from "@/lib/errors";
import { figureLibrary, getFigure } from "@/lib/figures/library";
import type { FigureSpec } from "@/lib/figures/model";
import { doseSchema } from "./dose";
import { searchTextOf } from "./sync";
import { visibleExercise } from "./visibility";
import { categorySchema, conditionSlugSchema, equipmentSchema, regionSchema } from "./types";
import { fieldErrorsOf } from "@/lib/forms/field-errors";

const noDuplicates = <T>(items: T[]) => new Set(items).size === items.length;
const optionalText = (what: string, max: number) =>
  z
    .string()
    .trim()
    .max(max, `${what} must be ${max} characters or fewer`)
    .nullish()
    .transform((v) => (v ? v : null));

/** The same fields as a built-in definition, with rules a clinician can meet while typing. */
export const clinicExerciseInputSchema = z.object({
  name: z.string().trim().min(1, "Name is required").max(80, "Name must be 80 characters or fewer"),
  summary: z.string().trim().min(1, "Summary is required").max(140, "Summary must be 140 characters or fewer"),
  aliases: z
    .array(z.string().trim().min(1).max(60, "An other name must be 60 characters or fewer"))
    .max(10, "Give at most 10 other names")
    .refine(noDuplicates, "Other names must not repeat"),
  regions: z.array(regionSchema, { error: "Choose a listed region" }).min(1, "Choose at least one region").refine(noDuplicates, "Regions must not repeat"),
  categories: z
    .array(categorySchema, { error: "Choose a listed category" })
    .min(1, "Choose at least one category")
    .refine(noDuplicates, "Categories must not repeat"),
  level: z.number({ error: "Choose a level" }).int("Choose a level").min(1, "Choose a level").max(3, "Choose a level"),
  equipment: z
    .array(equipmentSchema, { error: "Choose listed equipment" })
    .min(1, "Choose at least one item, or no equipment")
    .refine(noDuplicates, "Equipment must not repeat")
    .refine((e) => !e.includes("none") || e.length === 1, "No equipment cannot be combined with other items"),
  suits: z.array(conditionSlugSchema, { error: "Choose listed conditions" }).refine(noDuplicates, "Conditions must not repeat"),
  cautionFor: z.array(conditionSlugSchema, { error: "Choose listed conditions" }).refine(noDuplicates, "Conditions must not repeat"),
  steps: z
    .array(z.string().trim().min(1).max(240, "A step must be 240 characters or fewer"))
    .min(1, "Give at least one step")
    .max(8, "Give at most 8 steps"),
  cues: z.array(z.string().trim().min(1).max(80, "A cue must be 80 characters or fewer")).max(3, "Give at most 3 cues"),
  caution: optionalText("Caution", 240),
  defaultDose: doseSchema,
  progression: optionalText("Progression", 200),
  regression: optionalText("Regression", 200),
  /** A figure from the built-in library by its slug; null for none; undefined keeps the current one (when editing). */
  figureSlug: z
    .string()
    .refine((slug) => Object.hasOwn(figureLibrary, slug), "Choose a figure from the list")
    .nullish(),
});
export type ClinicExerciseInput = z.input<typeof clinicExerciseInputSchema>;
type ParsedInput = z.output<typeof clinicExerciseInputSchema>;

/** Field errors keyed by the input's path ("defaultDose.reps", "steps.2"), as the form names its fields. */
function parseInput(input: ClinicExerciseInput): ParsedInput {
  const parsed = clinicExerciseInputSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  throw new UserError("Please correct the highlighted fields.", fieldErrorsOf(parsed.error));
}

/** "Hamstring stretch (copy)" → "hamstring-stretch-copy-3f9a1c": readable, and unique without a lookup. */
export function clinicSlugOf(name: string): string {
  const base = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/, "");
  return `${base || "exercise"}-${crypto.randomBytes(3).toString("hex")}`;
}

function rowValues(input: ParsedInput) {
  return {
    name: input.name,
    aliases: input.aliases,
    summary: input.summary,
    regions: input.regions,
    categories: input.categories,
    level: input.level,
    equipment: input.equipment,
    suits: input.suits,
    cautionFor: input.cautionFor,
    steps: input.steps,
    cues: input.cues,
    caution: input.caution,
    defaultDose: input.defaultDose,
    progression: input.progression,
    regression: input.regression,
    searchText: searchTextOf(input),
  };
}

function figureOf(slug: string | null | undefined): FigureSpec | null | undefined {
  if (slug === undefined) return undefined;
  return slug === null ? null : (getFigure(slug) ?? null);
}

export async function createClinicExercise(actor: Actor, input: ClinicExerciseInput): Promise<{ id: string }> {
  const data = parseInput(input);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(exercises)
      .values({ ...rowValues(data), clinicId: actor.clinicId, slug: clinicSlugOf(data.name), figure: figureOf(data.figureSlug) ?? null, createdBy: actor.userId })
      .returning({ id: exercises.id });
    await recordAuditBy(tx, actor, { action: "exercise.created", entityType: "exercise", entityId: row.id, detail: { name: data.name } });
    return { id: row.id };
  });
}

const ownedBy = (actor: Actor, exerciseId: string) => and(eq(exercises.id, exerciseId), eq(exercises.clinicId, actor.clinicId));

/** Saves an own exercise; null when it is built-in, another clinic's or does not exist. */
export async function updateClinicExercise(actor: Actor, { exerciseId, ...input }: ClinicExerciseInput & { exerciseId: string }): Promise<{ id: string } | null> {
  if (!isUuid(exerciseId)) return null;
  const data = parseInput(input);
  const figure = figureOf(data.figureSlug);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(exercises)
      .set({ ...rowValues(data), ...(figure === undefined ? {} : { figure }) })
      .where(ownedBy(actor, exerciseId))
      .returning({ id: exercises.id });
    if (!row) return null;
    await recordAuditBy(tx, actor, { action: "exercise.updated", entityType: "exercise", entityId: row.id, detail: { name: data.name } });
    return { id: row.id };
  });
}

/** Takes an own exercise out of search (plans that use it keep it); null when not the clinic's own. */
export async function archiveClinicExercise(actor: Actor, { exerciseId }: { exerciseId: string }): Promise<{ id: string } | null> {
  return setArchived(actor, exerciseId, true);
}

/** Brings an archived own exercise back into search; null when not the clinic's own. */
export async function restoreClinicExercise(actor: Actor, { exerciseId }: { exerciseId: string }): Promise<{ id: string } | null> {
  return setArchived(actor, exerciseId, false);
}

async function setArchived(actor: Actor, exerciseId: string, archived: boolean): Promise<{ id: string } | null> {
  if (!isUuid(exerciseId)) return null;
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(exercises)
      .set({ archived })
      .where(ownedBy(actor, exerciseId))
      .returning({ id: exercises.id, name: exercises.name });
    if (!row) return null;
    await recordAuditBy(tx, actor, {
      action: archived ? "exercise.archived" : "exercise.updated",
      entityType: "exercise",
      entityId: row.id,
      detail: archived ? { name: row.name } : { name: row.name, restored: true },
    });
    return { id: row.id };
  });
}

/** Copies a built-in or own exercise into the clinic as "… (copy)"; null when the actor may not see it. */
export async function duplicateExercise(actor: Actor, { exerciseId }: { exerciseId: string }): Promise<{ id: string } | null> {
  if (!isUuid(exerciseId)) return null;
  return db.transaction(async (tx) => {
    const [source] = await tx
      .select()
      .from(exercises)
      .where(and(eq(exercises.id, exerciseId), visibleExercise(actor)));
    if (!source) return null;
    const name = `${source.name.slice(0, 73)} (copy)`;
    const [row] = await tx
      .insert(exercises)
      .values({
        clinicId: actor.clinicId,
        slug: clinicSlugOf(name),
        name,
        aliases: source.aliases,
        summary: source.summary,
        regions: source.regions,
        categories: source.categories,
        level: source.level,
        equipment: source.equipment,
        suits: source.suits,
        cautionFor: source.cautionFor,
        steps: source.steps,
        cues: source.cues,
        caution: source.caution,
        defaultDose: source.defaultDose,
        progression: source.progression,
        regression: source.regression,
        figure: source.figure,
        searchText: source.searchText,
        createdBy: actor.userId,
      })
      .returning({ id: exercises.id });
    await recordAuditBy(tx, actor, { action: "exercise.created", entityType: "exercise", entityId: row.id, detail: { name, duplicatedFrom: source.id } });
    return { id: row.id };
  });
}

/** The library figure a stored figure was chosen from, for the edit form's select; null when none matches. */
export function figureSlugOf(figure: FigureSpec | null): string | null {
  if (!figure) return null;
  const wanted = canonical(figure);
  for (const [slug, spec] of Object.entries(figureLibrary)) if (canonical(spec) === wanted) return slug;
  return null;
}

// jsonb reorders object keys, so compare with the keys sorted.
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v) =>
    v && typeof v === "object" && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v,
  );
}
