// A realistic issued snapshot for tests and benchmarks of the handout: 12 exercises, a patient
// name outside Latin-1 and a "≤" in the text, so a font that drops characters shows up.
import { educationFor } from "@/lib/catalogue/conditions";
import { formatDose, type Dose } from "@/lib/catalogue/dose";
import { builtInExercises, getBuiltInExercise } from "@/lib/catalogue/exercises";
import type { ConditionSlug } from "@/lib/catalogue/types";
import { safetyContent } from "@/lib/catalogue/safety";
import { getFigure } from "@/lib/figures/library";
import { builtInTemplates } from "@/lib/plans/builtin-templates";
import type { PlanSnapshot, SnapshotItem } from "@/lib/plans/snapshot";

export const fixturePatientName = "Zoë Łukasiewicz-Núñez";
export const fixtureLink = "https://physioplan.example/p/4bT0q9xJ2mVwYc7RkLzN8sHfA1uEgP3dQ6oIiW5yX0s";

interface Seed {
  slug: string;
  name: string;
  summary: string;
  steps: string[];
  cues: string[];
  caution: string | null;
  dose: Dose;
  note?: string;
}

const seeds: Seed[] = [
  {
    slug: "quad-set",
    name: "Quad set (static quads)",
    summary: "Wakes up the big muscle at the front of your thigh without bending the knee.",
    steps: [
      "Sit or lie with your leg straight out in front of you and a small rolled towel under your knee.",
      "Tighten the muscle on the front of your thigh so the back of your knee presses down into the towel.",
      "Hold, then relax slowly.",
    ],
    cues: ["Your kneecap should slide up slightly as the muscle tightens."],
    caution: null,
    dose: { sets: 10, holdSeconds: 5, perDay: 3, daysPerWeek: 7, side: "affected" },
  },
  {
    slug: "straight-leg-raise",
    name: "Straight leg raise",
    summary: "Strengthens the front of the thigh while keeping the knee straight.",
    steps: [
      "Lie on your back with the other knee bent and that foot flat on the floor.",
      "Tighten the thigh of your straight leg and lift it to the height of the other knee.",
      "Hold, then lower it slowly to the floor.",
    ],
    cues: ["Keep the knee fully straight the whole time."],
    caution: "If your knee bends as you lift, go back to quad sets for a week or two first.",
    dose: { sets: 3, reps: 10, holdSeconds: 5, daysPerWeek: 5, side: "each" },
  },
  {
    slug: "glute-bridge",
    name: "Glute bridge",
    summary: "Strengthens your buttocks and the back of your thighs.",
    steps: [
      "Lie on your back with your knees bent and feet flat, hip-width apart.",
      "Squeeze your buttocks and lift your hips until your body is in a straight line from shoulders to knees.",
      "Hold, then lower slowly, one part of your back at a time.",
    ],
    cues: ["Push through your heels.", "Breathe out as you lift."],
    caution: "If the back of your thigh cramps, move your feet a little closer to your bottom.",
    dose: { sets: 3, reps: 10, holdSeconds: 3, daysPerWeek: 4 },
    note: "Keep pain ≤ 5/10 during this one; it was the sorest last time.",
  },
  {
    slug: "clamshell",
    name: "Clamshell",
    summary: "Strengthens the muscles on the side of your hip that keep your knee in line.",
    steps: [
      "Lie on your side with your hips and knees bent and your feet together.",
      "Keeping your feet touching, lift your top knee as far as you can without rolling your pelvis back.",
      "Lower slowly.",
    ],
    cues: ["Rest a hand on your top hip to feel that it stays still."],
    caution: null,
    dose: { sets: 3, reps: 12, daysPerWeek: 4, side: "each", load: "light band" },
  },
  {
    slug: "sit-to-stand",
    name: "Sit-to-stand",
    summary: "Builds the strength you use to get out of a chair.",
    steps: [
      "Sit near the front of a firm chair with your feet hip-width apart.",
      "Lean forward a little and stand up, using your arms only if you need to.",
      "Sit back down slowly and with control.",
    ],
    cues: ["Keep your knees in line with your second toe."],
    caution: "To make it easier, use a higher seat or push up with your arms.",
    dose: { sets: 3, reps: 10, daysPerWeek: 4 },
  },
  {
    slug: "mini-squat",
    name: "Mini squat with support",
    summary: "A small squat that strengthens your thighs and hips.",
    steps: [
      "Stand holding the back of a chair or a kitchen counter.",
      "Bend your knees a little, as if starting to sit down, keeping your back straight.",
      "Straighten up again.",
    ],
    cues: ["Stay in a range that feels comfortable."],
    caution: null,
    dose: { sets: 3, reps: 10, daysPerWeek: 4, rangeLimit: "knee 0–45°" },
  },
  {
    slug: "forward-step-up",
    name: "Forward step-up",
    summary: "Strengthens your leg for stairs and kerbs.",
    steps: [
      "Stand facing a low step, holding a rail if you have one.",
      "Step up with your affected leg and straighten it fully.",
      "Step back down with the other leg first, slowly.",
    ],
    cues: ["Start on a low step of 10 to 15 cm."],
    caution: null,
    dose: { sets: 3, reps: 10, daysPerWeek: 3, side: "affected" },
  },
  {
    slug: "heel-slides",
    name: "Heel slides",
    summary: "Keeps your knee moving so it bends more easily.",
    steps: [
      "Lie on your back with your legs straight.",
      "Slide the heel of your affected leg towards your bottom, bending the knee as far as is comfortable.",
      "Slide it back until the leg is straight again.",
    ],
    cues: ["A towel under your heel helps it slide."],
    caution: null,
    dose: { reps: 15, perDay: 2, daysPerWeek: 7 },
  },
  {
    slug: "hamstring-stretch-towel",
    name: "Hamstring stretch with towel",
    summary: "A gentle stretch for the back of your thigh.",
    steps: [
      "Lie on your back and loop a towel around the sole of one foot.",
      "Keeping the knee straight, pull the leg up until you feel a stretch in the back of the thigh.",
      "Hold, then lower the leg.",
    ],
    cues: ["Keep your other leg flat on the floor."],
    caution: null,
    dose: { sets: 3, holdSeconds: 30, daysPerWeek: 7, side: "each" },
  },
  {
    slug: "calf-raise",
    name: "Calf raise",
    summary: "Strengthens your calves for walking and balance.",
    steps: [
      "Stand holding a wall or counter with your feet hip-width apart.",
      "Rise up onto your toes as high as you can.",
      "Lower slowly.",
    ],
    cues: ["Keep your weight over your big toes."],
    caution: null,
    dose: { sets: 3, reps: 15, daysPerWeek: 4 },
  },
  {
    slug: "single-leg-stance",
    name: "Single-leg stance",
    summary: "Improves your balance.",
    steps: ["Stand next to a counter you can hold if you need to.", "Lift one foot and balance on the other leg."],
    cues: ["Look at a fixed point ahead of you."],
    caution: "Always stand near something you can grab.",
    dose: { sets: 3, holdSeconds: 30, daysPerWeek: 5, side: "each" },
  },
  {
    slug: "stationary-cycling",
    name: "Stationary cycling",
    summary: "Gentle exercise for your heart and knees.",
    steps: [
      "Set the seat so your knee is only slightly bent at the bottom of each turn.",
      "Pedal at an easy pace with little resistance.",
    ],
    cues: ["You should be able to talk while you pedal."],
    caution: null,
    dose: { durationMinutes: 15, daysPerWeek: 4 },
  },
];

function uuid(n: number): string {
  return `00000000-0000-4000-8000-${n.toString().padStart(12, "0")}`;
}

export const fixtureItemNames = seeds.map((seed) => seed.name);

export function fixtureItems(): SnapshotItem[] {
  return seeds.map((seed, i) => ({
    position: i,
    exerciseId: uuid(100 + i),
    slug: seed.slug,
    name: seed.name,
    summary: seed.summary,
    steps: seed.steps,
    cues: seed.cues,
    caution: seed.caution,
    figure: getFigure(seed.slug) ?? null,
    dose: seed.dose,
    doseLine: formatDose(seed.dose),
    note: seed.note ?? null,
  }));
}

export function fixtureSnapshot(overrides: Partial<PlanSnapshot> = {}): PlanSnapshot {
  const education = educationFor(["knee-oa", "pfp"]);
  return {
    schemaVersion: 1,
    planId: uuid(1),
    version: 2,
    issuedAt: "2026-03-03T10:15:00.000Z",
    title: "Knee plan",
    notes:
      "Start gently and build up over the first two weeks. Keep your pain ≤ 5/10 while you exercise, and let me know at your review if anything gets worse.",
    startDate: "2026-03-04",
    reviewDate: "2026-04-01",
    patient: { displayName: fixturePatientName },
    clinician: { name: "Priya Shah" },
    clinic: {
      name: "Riverside Physiotherapy",
      phone: "0161 496 0123",
      email: "hello@riverside-physio.example",
      address: "12 Mill Lane, Manchester M1 2AB",
      website: "riverside-physio.example",
      accentColour: "#1a6e8e",
      logo: null,
    },
    conditions: education.conditions,
    generalEducation: education.general,
    safety: safetyContent,
    items: fixtureItems(),
    changes: {
      previousVersion: 1,
      added: ["Stationary cycling"],
      removed: ["Wall sit"],
      changed: ["Glute bridge: dose changed, note changed"],
    },
    ...overrides,
  };
}

/**
 * Items as an issued plan holds them, from the built-in catalogue: its real steps, cues,
 * cautions and figures (longer than the hand-written fixture's), each at its default dose unless
 * a template gives one.
 */
export function catalogueItems(entries: { exerciseSlug: string; dose?: Dose; note?: string }[]): SnapshotItem[] {
  return entries.map((entry, i) => {
    const exercise = getBuiltInExercise(entry.exerciseSlug);
    if (!exercise) throw new Error(`No built-in exercise ${entry.exerciseSlug}`);
    const dose = entry.dose ?? exercise.defaultDose;
    return {
      position: i,
      exerciseId: uuid(500 + i),
      slug: exercise.slug,
      name: exercise.name,
      summary: exercise.summary,
      steps: exercise.steps,
      cues: exercise.cues,
      caution: exercise.caution,
      figure: getFigure(exercise.slug) ?? null,
      dose,
      doseLine: formatDose(dose),
      note: entry.note ?? null,
    };
  });
}

/** A plan issued from a built-in template, for the template's conditions. */
export function templateSnapshot(templateSlug: string, overrides: Partial<PlanSnapshot> = {}): PlanSnapshot {
  const template = builtInTemplates.find((t) => t.slug === templateSlug);
  if (!template) throw new Error(`No built-in template ${templateSlug}`);
  const education = educationFor(template.conditions);
  return fixtureSnapshot({
    title: template.name,
    items: catalogueItems(template.items),
    conditions: education.conditions,
    generalEducation: education.general,
    ...overrides,
  });
}

/**
 * The catalogue's exercises with the most text to print (steps, cues and caution), for the
 * pagination's worst case.
 */
export function wordiestCatalogueItems(count: number): SnapshotItem[] {
  const length = (e: (typeof builtInExercises)[number]) =>
    e.summary.length + e.steps.join(" ").length + e.cues.join(" ").length + e.caution.length;
  const wordiest = [...builtInExercises].sort((a, b) => length(b) - length(a) || a.slug.localeCompare(b.slug)).slice(0, count);
  return catalogueItems(wordiest.map((e) => ({ exerciseSlug: e.slug })));
}

/** The fixture plan for a patient with these conditions, carrying their education. */
export function educationSnapshot(slugs: ConditionSlug[], overrides: Partial<PlanSnapshot> = {}): PlanSnapshot {
  const education = educationFor(slugs);
  return fixtureSnapshot({ conditions: education.conditions, generalEducation: education.general, ...overrides });
}
