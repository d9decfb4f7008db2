// The issued-plan snapshot: the immutable document frozen when a plan is issued.
// It holds everything the patient sees (page and handout) and nothing else, so an
// issued version never changes when the catalogue, the clinic or the patient does.
import { z } from "zod";
import { doseSchema } from "@/lib/catalogue/dose";
import { conditionSchema, educationSectionSchema } from "@/lib/catalogue/conditions";
import { safetyContentSchema } from "@/lib/catalogue/safety";
import { figureSpecSchema } from "@/lib/figures/model";
import { countrySchema, safetyPresets, safetyWordingSchema, type SafetyWording } from "@/lib/clinic/safety-presets";
import { defaultClinicClock } from "@/lib/dates/format";
import { idSchema } from "@/lib/ids";

const text = (max: number) => z.string().trim().min(1).max(max);
const isoDate = z.iso.date();

/** ~1 MB of image; a logo larger than this belongs in the settings form's error, not in every PDF. */
const maxLogoBase64Length = 1_400_000;

const logoSchema = z
  .object({
    mimeType: z.enum(["image/png", "image/jpeg"]),
    base64: z.base64().max(maxLogoBase64Length),
  })
  .refine((logo) => logoBytesMatch(logo.mimeType, logo.base64), {
    message: "Logo data does not match its image type",
    path: ["base64"],
  });

/** The handout embeds the logo as-is, so the bytes must really be the PNG or JPEG they claim to be. */
function logoBytesMatch(mimeType: "image/png" | "image/jpeg", base64: string): boolean {
  const head = Buffer.from(base64.slice(0, 16), "base64");
  if (mimeType === "image/png") {
    return head.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  }
  return head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff;
}

export const snapshotClinicSchema = z.object({
  name: text(200),
  phone: z.string().trim().max(60).nullable(),
  email: z.string().trim().max(200).nullable(),
  address: z.string().trim().max(400).nullable(),
  website: z.string().trim().max(200).nullable(),
  accentColour: z.string().regex(/^#[0-9a-fA-F]{6}$/, "Accent colour looks like #1a6e8e"),
  logo: logoSchema.nullable(),
  // Versions issued before clinics had settings lack the next four: they were issued in the UK
  // wording, on A4, in London time (see the helpers below).
  country: countrySchema.optional(),
  /** The words the safety text was issued with: the country's emergency number, urgent advice, family doctor. */
  safetyWording: safetyWordingSchema.optional(),
  timeZone: z.string().min(1).max(64).optional(),
  paperSize: z.enum(["A4", "LETTER"]).optional(),
});
export type SnapshotClinic = z.infer<typeof snapshotClinicSchema>;

/** The safety words a version was issued with. */
export function issuedSafetyWording(clinic: SnapshotClinic): SafetyWording {
  return clinic.safetyWording ?? safetyPresets.GB;
}

/** The clinic's time zone when the version was issued, for its dates. */
export function issuedTimeZone(clinic: SnapshotClinic): string {
  return clinic.timeZone ?? defaultClinicClock.timeZone;
}

/** The paper a handout is printed on when nobody asks for another. */
export function issuedPaper(clinic: SnapshotClinic): "A4" | "LETTER" {
  return clinic.paperSize ?? "A4";
}

export const snapshotItemSchema = z.object({
  position: z.number().int().min(0),
  exerciseId: idSchema(),
  slug: z.string().nullable(),
  name: text(200),
  summary: z.string().max(2000),
  steps: z.array(z.string().max(1000)),
  cues: z.array(z.string().max(1000)),
  caution: z.string().max(1000).nullable(),
  figure: figureSpecSchema.nullable(),
  dose: doseSchema,
  doseLine: text(400),
  note: z.string().max(2000).nullable(),
  /** "Too easy? / Too hard?" when the clinician allowed it (lib/plans/progression.ts); absent in older versions and when not allowed. */
  progression: z.object({ tooEasy: text(300), tooHard: text(300) }).optional(),
});
export type SnapshotItem = z.infer<typeof snapshotItemSchema>;

export const planChangesSchema = z.object({
  previousVersion: z.number().int().min(1),
  added: z.array(z.string()),
  removed: z.array(z.string()),
  changed: z.array(z.string()),
});
export type PlanChanges = z.infer<typeof planChangesSchema>;

export const planSnapshotSchema = z.object({
  schemaVersion: z.literal(1),
  planId: idSchema(),
  version: z.number().int().min(1),
  issuedAt: z.iso.datetime({ offset: true }),
  title: text(200),
  notes: z.string().max(4000).nullable(),
  startDate: isoDate.nullable(),
  reviewDate: isoDate.nullable(),
  patient: z.object({ displayName: text(200) }),
  clinician: z.object({ name: text(200) }),
  clinic: snapshotClinicSchema,
  conditions: z.array(conditionSchema),
  generalEducation: z.array(educationSectionSchema),
  safety: safetyContentSchema,
  items: z.array(snapshotItemSchema).min(1, "A plan needs at least one exercise"),
  changes: planChangesSchema.nullable(),
});
export type PlanSnapshot = z.infer<typeof planSnapshotSchema>;

/** A stable text form of a dose: key order and absent fields do not count as a change. */
function doseKey(dose: SnapshotItem["dose"]): string {
  const entries = Object.entries(dose)
    .filter(([, value]) => value !== undefined && value !== "")
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return JSON.stringify(entries);
}

function noteKey(note: string | null): string {
  return (note ?? "").trim();
}

/**
 * Items are matched by exercise and occurrence: the second "Glute bridge" in the old
 * plan is the second one in the new plan, whatever else moved around it.
 */
function keyed(items: readonly SnapshotItem[]): { key: string; item: SnapshotItem }[] {
  const seen = new Map<string, number>();
  return [...items]
    .sort((a, b) => a.position - b.position)
    .map((item) => {
      const n = (seen.get(item.exerciseId) ?? 0) + 1;
      seen.set(item.exerciseId, n);
      return { key: `${item.exerciseId}#${n}`, item };
    });
}

/** Keys of the longest run of items kept in the same relative order; the rest count as moved. */
function stableKeys(before: string[], after: string[]): Set<string> {
  const rows = before.length;
  const cols = after.length;
  const table: number[][] = Array.from({ length: rows + 1 }, () => new Array<number>(cols + 1).fill(0));
  for (let i = rows - 1; i >= 0; i--) {
    for (let j = cols - 1; j >= 0; j--) {
      table[i][j] =
        before[i] === after[j] ? table[i + 1][j + 1] + 1 : Math.max(table[i + 1][j], table[i][j + 1]);
    }
  }
  const kept = new Set<string>();
  let i = 0;
  let j = 0;
  while (i < rows && j < cols) {
    if (before[i] === after[j]) {
      kept.add(before[i]);
      i++;
      j++;
    } else if (table[i + 1][j] >= table[i][j + 1]) {
      i++;
    } else {
      j++;
    }
  }
  return kept;
}

/**
 * What a patient should know changed between two issued versions: exercises added and
 * removed (by name), and per kept exercise whether its dose, its note or its place changed.
 */
export function summariseChanges(
  previous: PlanSnapshot,
  next: Omit<PlanSnapshot, "changes">,
): PlanChanges {
  const before = keyed(previous.items);
  const after = keyed(next.items);
  const beforeByKey = new Map(before.map((entry) => [entry.key, entry.item]));
  const afterKeys = new Set(after.map((entry) => entry.key));

  const added = after.filter((entry) => !beforeByKey.has(entry.key)).map((entry) => entry.item.name);
  const removed = before.filter((entry) => !afterKeys.has(entry.key)).map((entry) => entry.item.name);

  const keptBefore = before.filter((entry) => afterKeys.has(entry.key)).map((entry) => entry.key);
  const keptAfter = after.filter((entry) => beforeByKey.has(entry.key)).map((entry) => entry.key);
  const inOrder = stableKeys(keptBefore, keptAfter);

  const changed: string[] = [];
  for (const { key, item } of after) {
    const old = beforeByKey.get(key);
    if (!old) continue;
    const what: string[] = [];
    if (doseKey(old.dose) !== doseKey(item.dose)) what.push("dose changed");
    if (noteKey(old.note) !== noteKey(item.note)) what.push("note changed");
    if (JSON.stringify(old.progression ?? null) !== JSON.stringify(item.progression ?? null)) what.push(`“Too easy? / Too hard?” ${!old.progression ? "added" : !item.progression ? "removed" : "changed"}`);
    if (!inOrder.has(key)) what.push("moved");
    if (what.length > 0) changed.push(`${item.name}: ${what.join(", ")}`);
  }

  return { previousVersion: previous.version, added, removed, changed };
}
