import "server-only";
import crypto from "node:crypto";
import { and, asc, eq, isNull, or, sql } from "drizzle-orm";
import { z } from "zod";
import { db, type Executor } from "@/db/client";
import { templates, type Template } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { recordAuditBy } from "@/lib/audit/record";
import { doseSchema, type Dose } from "@/lib/catalogue/dose";
import { conditionSlugSchema } from "@/lib/catalogue/types";
import { UserError } from "@/lib/errors";
import { idSchema, isUuid } from "@/lib/ids";
import { planItemDraftSchema } from "./draft";
import { assertUsableExercises, getPlanExercises } from "./exercises";
import { fieldErrorsOf } from "@/lib/forms/field-errors";

/** The items column: [{ exerciseId, dose | null, note | null }] in order (null dose = the exercise's default). */
export const templateItemsSchema = z.array(
  z.object({ exerciseId: idSchema(), dose: doseSchema.nullable(), note: z.string().nullable() }),
);

export type TemplateSummary = {
  id: string;
  name: string;
  description: string | null;
  conditions: string[];
  builtIn: boolean;
  archived: boolean;
  items: { exerciseId: string; name: string; dose: Dose; note: string | null }[];
};

function visibleTemplate(actor: Actor) {
  return or(isNull(templates.clinicId), eq(templates.clinicId, actor.clinicId))!;
}

async function summarise(actor: Actor, rows: Template[], executor: Executor): Promise<TemplateSummary[]> {
  const parsed = rows.map((row) => ({ row, items: templateItemsSchema.safeParse(row.items).data ?? [] }));
  const known = await getPlanExercises(actor, { exerciseIds: parsed.flatMap((p) => p.items.map((i) => i.exerciseId)) }, executor);
  return parsed.map(({ row, items }) => ({
    id: row.id,
    name: row.name,
    description: row.description,
    conditions: row.conditions,
    builtIn: row.clinicId === null,
    archived: row.archived,
    // An exercise since archived by its clinic, or not visible, is left out rather than failing the list.
    items: items.flatMap((item) => {
      const exercise = known.get(item.exerciseId);
      if (!exercise || exercise.archived) return [];
      return [{ exerciseId: item.exerciseId, name: exercise.name, dose: item.dose ?? exercise.defaultDose, note: item.note }];
    }),
  }));
}

/** Built-in protocols, then the clinic's own, by name. */
export async function listTemplates(actor: Actor, executor: Executor = db): Promise<TemplateSummary[]> {
  const rows = await executor
    .select()
    .from(templates)
    .where(and(visibleTemplate(actor), eq(templates.archived, false)))
    .orderBy(sql`${templates.clinicId} is not null`, asc(templates.name));
  return summarise(actor, rows, executor);
}

export async function getTemplate(actor: Actor, { templateId }: { templateId: string }, executor: Executor = db): Promise<TemplateSummary | null> {
  if (!isUuid(templateId)) return null;
  const rows = await executor
    .select()
    .from(templates)
    .where(and(eq(templates.id, templateId), visibleTemplate(actor), eq(templates.archived, false)));
  if (rows.length === 0) return null;
  return (await summarise(actor, rows, executor))[0];
}

export const templateInputSchema = z.object({
  name: z.string({ error: "Give the template a name" }).trim().min(1, "Give the template a name").max(120, "Name must be 120 characters or fewer"),
  description: z
    .string()
    .trim()
    .max(1000, "Description must be 1000 characters or fewer")
    .nullable()
    .optional()
    .transform((value) => (value ? value : null)),
  conditions: z.array(conditionSlugSchema).transform((slugs) => [...new Set(slugs)]),
  items: z.array(planItemDraftSchema).min(1, "Add at least one exercise before saving a template").max(30, "A template can hold at most 30 exercises"),
});
export type TemplateInput = z.input<typeof templateInputSchema>;

function slugOf(name: string): string {
  return (
    name
      .toLowerCase()
      .normalize("NFKD")
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 60) || "template"
  );
}

/** "Save as template": the builder's current exercises and doses become a clinic template. */
export async function createTemplate(actor: Actor, input: TemplateInput): Promise<Template> {
  const parsed = templateInputSchema.safeParse(input);
  if (!parsed.success) {
    throw new UserError(parsed.error.issues[0]?.message ?? "Please correct the highlighted fields.", fieldErrorsOf(parsed.error));
  }
  const { name, description, conditions, items } = parsed.data;
  return db.transaction(async (tx) => {
    await assertUsableExercises(tx, actor, items);
    const [template] = await tx
      .insert(templates)
      .values({
        clinicId: actor.clinicId,
        // (clinic, slug) is unique with nulls not distinct, so every clinic template needs its own slug.
        slug: `${slugOf(name)}-${crypto.randomBytes(4).toString("hex")}`,
        name,
        description,
        conditions,
        items: items.map((item) => ({ exerciseId: item.exerciseId, dose: item.dose, note: item.note })),
        createdBy: actor.userId,
      })
      .returning();
    await recordAuditBy(tx, actor, { action: "template.created", entityType: "template", entityId: template.id, detail: { name } });
    return template;
  });
}

/** Archives one of the clinic's own templates; built-in protocols and other clinics' templates are not found. */
export async function archiveTemplate(actor: Actor, { templateId }: { templateId: string }): Promise<Template | null> {
  if (!isUuid(templateId)) return null;
  return db.transaction(async (tx) => {
    const [template] = await tx
      .update(templates)
      .set({ archived: true })
      .where(and(eq(templates.id, templateId), eq(templates.clinicId, actor.clinicId)))
      .returning();
    if (!template) return null;
    await recordAuditBy(tx, actor, { action: "template.archived", entityType: "template", entityId: template.id });
    return template;
  });
}
