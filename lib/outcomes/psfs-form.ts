// The Patient-Specific Functional Scale's form, read the same way from the clinician's form and the
// patient's page: up to five rows, `name<i>` and `score<i>` for position i (0–4). A row whose
// activity is already named carries only its score; a free row may name a new activity.
// Pure: no database, so the rules are tested on their own (psfs-form.test.ts).

/** The PSFS has at most five activities (Stratford 1995). */
export const psfsMaxActivities = 5;
export const psfsPositions = [0, 1, 2, 3, 4] as const;
export const activityNameMaxLength = 80;
/** The minimal important change of the PSFS average, in points (Stratford 1995; Abbott 2014). */
export const psfsMinimalImportantChange = 2;

export type NamedActivity = { id: string; position: number; name: string };

/** One scored row: an existing activity (`activityId`) or a new one named here (`name`). */
export type PsfsEntry = { position: number; score: number } & ({ activityId: string; name?: undefined } | { activityId?: undefined; name: string });

export type PsfsParse = { ok: true; entries: PsfsEntry[] } | { ok: false; fieldErrors: Record<string, string[]> };

export const scoreMessage = "Choose a score from 0 (unable to do it) to 10 (as well as before the problem)";

function single(value: string | string[] | undefined): string | undefined {
  if (value === undefined) return undefined;
  // A repeated field is not something the form sends: take none of it rather than guess.
  return Array.isArray(value) ? (value.length === 1 ? value[0] : "\u0000") : value;
}

/** A whole number 0–10 written as digits, or null. */
export function parseScore(raw: string | undefined): number | null {
  if (raw === undefined) return null;
  const text = raw.trim();
  if (!/^\d{1,2}$/.test(text)) return null;
  const score = Number(text);
  return score <= 10 ? score : null;
}

/** Spaces run together and trimmed; what is stored and compared. */
export function cleanName(raw: string): string {
  return raw.replace(/\s+/g, " ").trim();
}

/**
 * Reads the rows of a PSFS form against the plan's named activities. Every named activity must be
 * scored (a review rates all of them, so the average compares like with like); a free row is
 * either empty or has both a name and a score (`allowNew: false` ignores free rows); at least one
 * activity in all.
 */
export function parsePsfsForm(
  values: Record<string, string | string[]>,
  activities: NamedActivity[],
  { allowNew = true }: { allowNew?: boolean } = {},
): PsfsParse {
  const byPosition = new Map(activities.map((activity) => [activity.position, activity]));
  const entries: PsfsEntry[] = [];
  const fieldErrors: Record<string, string[]> = {};
  const names = new Set(activities.map((activity) => activity.name.toLowerCase()));
  for (const position of psfsPositions) {
    const rawScore = single(values[`score${position}`]);
    const score = parseScore(rawScore);
    const existing = byPosition.get(position);
    if (existing) {
      if (score === null) fieldErrors[`score${position}`] = [scoreMessage];
      else entries.push({ position, activityId: existing.id, score });
      continue;
    }
    // The patient names activities only at the first score; later they rate the same ones.
    if (!allowNew) continue;
    const rawName = single(values[`name${position}`]) ?? "";
    const name = cleanName(rawName);
    const hasScore = rawScore !== undefined && rawScore.trim() !== "";
    if (!name && !hasScore) continue;
    if (rawName.includes("\u0000") || !name) fieldErrors[`name${position}`] = ["Name the activity, e.g. “climbing stairs”"];
    else if (name.length > activityNameMaxLength) fieldErrors[`name${position}`] = [`Keep the activity to ${activityNameMaxLength} characters or fewer`];
    else if (names.has(name.toLowerCase())) fieldErrors[`name${position}`] = ["This activity is already on the list"];
    if (score === null) fieldErrors[`score${position}`] = [scoreMessage];
    if (fieldErrors[`name${position}`] || fieldErrors[`score${position}`]) continue;
    names.add(name.toLowerCase());
    entries.push({ position, name, score: score! });
  }
  if (Object.keys(fieldErrors).length > 0) return { ok: false, fieldErrors };
  if (entries.length === 0) {
    return { ok: false, fieldErrors: { name0: ["Name at least one activity that is hard because of the problem, and score it"] } };
  }
  return { ok: true, entries };
}
