// "Too easy? / Too hard?" for one exercise of an issued plan, when the clinician allows it (a
// checkbox per plan item, off by default): the catalogue's next harder and easier variants
// (lib/catalogue/variants.ts) by name, or, without one, a change of dose in words. Safe by
// construction: a variant the catalogue cautions against for the patient's conditions is never
// named, and an exercise that is itself a caution for them is never made harder without the
// physiotherapist ("Ask your physiotherapist before doing more"). Frozen into the snapshot at issue.
import type { Dose } from "@/lib/catalogue/dose";
import { getBuiltInExercise } from "@/lib/catalogue/exercises";
import { variantsOf } from "@/lib/catalogue/variants";

/** The two halves of the line, each after its question ("Too easy?" / "Too hard?"). */
export type Progression = { tooEasy: string; tooHard: string };

export { progressionAdvice } from "./progression-advice";

function safeVariant(slugs: string[], conditions: ReadonlySet<string>): string | null {
  for (const slug of slugs) {
    const variant = getBuiltInExercise(slug);
    if (variant && !variant.cautionFor.some((condition) => conditions.has(condition))) return variant.name;
  }
  return null;
}

function moreDose(dose: Dose): string {
  if (dose.reps !== undefined) return "Add 2 repetitions to each set.";
  if (dose.holdSeconds !== undefined) return "Hold 5 seconds longer.";
  if (dose.durationMinutes !== undefined) return "Add 5 minutes.";
  return "Ask your physiotherapist before doing more.";
}

function lessDose(dose: Dose): string {
  if (dose.reps !== undefined) return "Do fewer repetitions, or make the movement smaller.";
  if (dose.holdSeconds !== undefined) return "Hold for a shorter time, or ease the stretch.";
  if (dose.durationMinutes !== undefined) return "Do fewer minutes, with rests.";
  return "Make the movement smaller.";
}

/**
 * The line for one exercise: `slug` null for a clinic's own exercise (no ladder), `cautionFor` the
 * exercise's own cautions, `conditions` the plan's and the patient's.
 */
export function progressionOf({ slug, dose, cautionFor, conditions }: { slug: string | null; dose: Dose; cautionFor: readonly string[]; conditions: ReadonlySet<string> }): Progression {
  const variants = slug ? variantsOf(slug) : { easier: [], harder: [] };
  const cautioned = cautionFor.some((condition) => conditions.has(condition));
  const harder = cautioned ? null : safeVariant(variants.harder, conditions);
  const easier = safeVariant(variants.easier, conditions);
  return {
    tooEasy: harder ? `Try: ${harder}.` : cautioned ? "Ask your physiotherapist before doing more." : moreDose(dose),
    tooHard: easier ? `Try: ${easier}.` : lessDose(dose),
  };
}
