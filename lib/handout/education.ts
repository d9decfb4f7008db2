// Which of the plan's education the handout prints. The patient's page carries all of it; the
// handout keeps what fits on two pages, choosing by a clinical order of importance rather than by
// position, so a long list of conditions loses background reading before it loses advice.
import type { Condition, EducationSection } from "@/lib/catalogue/conditions";
import type { PlanSnapshot } from "@/lib/plans/snapshot";

/** What a section is about, read from its heading (the catalogue's headings; see education.test.ts). */
export type SectionRole =
  // a condition's four sections
  | "what-it-is"
  | "helps"
  | "watch"
  | "expect"
  // the general back and knee topics
  | "causes"
  | "symptoms"
  | "nerve"
  | "sciatica"
  | "treatments"
  | "everyday"
  | "doctor"
  | "other";

const conditionRoles: [RegExp, SectionRole][] = [
  [/\bhelps?\b/i, "helps"],
  [/\bwatch\b/i, "watch"],
  [/\bexpect\b/i, "expect"],
  [/\bwhat it is\b/i, "what-it-is"],
];

// Order matters: "What causes sciatica" is about sciatica, not about back and knee pain in general.
const generalRoles: [RegExp, SectionRole][] = [
  [/\bdoctor\b|\bGP\b/i, "doctor"],
  [/\bsciatica\b/i, "sciatica"],
  [/\bcause/i, "causes"],
  [/\blinked\b|\bnerve\b/i, "nerve"],
  [/\btreat/i, "treatments"],
  [/\beveryday\b|\bdaily life\b/i, "everyday"],
  [/\bsymptoms?\b/i, "symptoms"],
];

export function sectionRole(heading: string, kind: "condition" | "general"): SectionRole {
  for (const [pattern, role] of kind === "condition" ? conditionRoles : generalRoles) {
    if (pattern.test(heading)) return role;
  }
  return "other";
}

/**
 * How essential a section is on paper, 0 (always printed) to 5 (first left out):
 * 0. when to see a doctor (a few lines, and the condition names and summaries);
 * 1. what helps and what to watch for with each condition;
 * 2. what to expect, and the general topics every patient is given (causes, the sciatic nerve,
 *    treatments, everyday life);
 * 3. what the condition is (its summary is always printed), and sciatica in detail for a back or
 *    hip plan;
 * 4. the rest (common symptoms, anything the rule does not recognise);
 * 5. sciatica in detail for a plan without a back or hip condition.
 */
function tierOf(role: SectionRole, backOrHip: boolean): number {
  switch (role) {
    case "doctor":
      return 0;
    case "helps":
    case "watch":
      return 1;
    case "expect":
    case "causes":
    case "nerve":
    case "treatments":
    case "everyday":
      return 2;
    case "what-it-is":
      return 3;
    case "sciatica":
      return backOrHip ? 3 : 5;
    default:
      return 4;
  }
}

export type EducationPiece =
  | { kind: "condition"; key: string; tier: 0; condition: Condition }
  | { kind: "condition-section"; key: string; tier: number; condition: Condition; section: EducationSection; role: SectionRole }
  | { kind: "general"; key: string; tier: number; section: EducationSection; role: SectionRole };


/** Every piece of the plan's education in reading order: each condition (its name and summary, then its sections), then the general topics. */
export function educationPieces(snapshot: Pick<PlanSnapshot, "conditions" | "generalEducation">): EducationPiece[] {
  const backOrHip = snapshot.conditions.some((condition) => condition.region !== "knee");
  const pieces: EducationPiece[] = [];
  for (const condition of snapshot.conditions) {
    pieces.push({ kind: "condition", key: condition.slug, tier: 0, condition });
    condition.education.forEach((section, i) => {
      const role = sectionRole(section.heading, "condition");
      pieces.push({ kind: "condition-section", key: `${condition.slug}/${i}`, tier: tierOf(role, backOrHip), condition, section, role });
    });
  }
  snapshot.generalEducation.forEach((section, i) => {
    const role = sectionRole(section.heading, "general");
    pieces.push({ kind: "general", key: `general/${i}`, tier: tierOf(role, backOrHip), section, role });
  });
  return pieces;
}

/**
 * The pieces to print: all of them if `fits` says they fit, otherwise the least essential left
 * out one at a time (the highest tier first, and within a tier the last in reading order) until
 * they do. Tier 0 (the conditions' names and summaries, when to see a doctor) is never left out.
 */
export function chooseEducation(
  pieces: EducationPiece[],
  fits: (chosen: EducationPiece[], complete: boolean) => boolean,
): { chosen: EducationPiece[]; left: EducationPiece[] } {
  const chosen = [...pieces];
  const left: EducationPiece[] = [];
  while (!fits(chosen, left.length === 0)) {
    let drop = -1;
    for (let i = chosen.length - 1; i >= 0; i--) {
      if (chosen[i].tier > 0 && (drop === -1 || chosen[i].tier > chosen[drop].tier)) drop = i;
    }
    if (drop === -1) break;
    left.push(...chosen.splice(drop, 1));
  }
  return { chosen, left };
}
