// Built-in starting protocols, one per condition: a clinician opens one in the plan builder and edits it.
import { z } from "zod";
import { doseSchema } from "@/lib/catalogue/dose";
import { conditionSlugSchema } from "@/lib/catalogue/types";

export const builtInTemplateSchema = z.object({
  slug: z.string(),
  name: z.string(),
  description: z.string(),
  conditions: z.array(conditionSlugSchema).min(1),
  items: z
    .array(
      z.object({
        exerciseSlug: z.string(),
        dose: doseSchema.optional(),
        note: z.string().optional(),
      }),
    )
    .min(3)
    .max(6),
});
export type BuiltInTemplate = z.infer<typeof builtInTemplateSchema>;

// Exercise slugs are those of docs/CATALOGUE-SLUGS.md. No protocol uses an
// exercise whose catalogue caution names that protocol's condition, so opening
// a template for a matching patient raises no caution warning in the builder.
export const builtInTemplates: BuiltInTemplate[] = [
  {
    slug: "builtin-nslbp",
    name: "Low back pain: stay active",
    description:
      "Non-specific low back pain. Graded activity plus trunk control and hip strength, with a walking programme to build general activity (NICE NG59, JOSPT 2021). Reassure; no bed rest; heat for comfort when acute.",
    conditions: ["nslbp"],
    items: [
      { exerciseSlug: "cat-camel" },
      { exerciseSlug: "bird-dog" },
      { exerciseSlug: "glute-bridge" },
      {
        exerciseSlug: "walking-programme",
        note: "Start with what is comfortable and add a few minutes each week.",
      },
    ],
  },
  {
    slug: "builtin-sciatica",
    name: "Sciatica: centralise, stay active",
    description:
      "Radicular leg pain from disc herniation, acute stage. Repeated extension in lying, progressed from prone lying to the sphinx to press-ups, to centralise symptoms; trunk control; and staying active with walking (NICE NG59: no bed rest). Stop any movement that peripheralises. Add the nerve slider at review once leg symptoms have settled (it is not scheduled here). Hamstring stretching, yoga and flexion stretches left out (cautioned in sciatica); progressive weakness or foot drop is an emergency (see the safety section).",
    conditions: ["sciatica"],
    items: [
      {
        exerciseSlug: "prone-lying",
        note: "If pain spreads further down your leg, stop and tell your physiotherapist.",
      },
      {
        exerciseSlug: "prone-on-elbows",
        note: "Do this straight after lying flat, if lying flat felt comfortable. Stay on your front and prop yourself up on your elbows.",
      },
      {
        exerciseSlug: "prone-press-up",
        dose: { sets: 1, reps: 10, perDay: 5, daysPerWeek: 7 },
        note: "Then, if your leg feels the same or better on your elbows, push up with your hands. Keep your hips on the floor. Good if your leg pain eases or moves towards your back.",
      },
      { exerciseSlug: "abdominal-brace" },
      {
        exerciseSlug: "walking-programme",
        note: "Keep moving through your day. Short, regular walks are better than resting in bed.",
      },
    ],
  },
  {
    slug: "builtin-stenosis",
    name: "Spinal stenosis: flexion bias",
    description:
      "Lumbar spinal stenosis. Flexion-biased mobility (double knee-to-chest, posterior pelvic tilt), cycling for fitness in flexion, functional leg strength, balance work for falls risk, and walking with rest breaks (leaning on a trolley if it helps). No extension exercises (prone lying, sphinx, press-up, standing extension, prone arm/leg lift).",
    conditions: ["stenosis"],
    items: [
      { exerciseSlug: "double-knee-to-chest" },
      { exerciseSlug: "posterior-pelvic-tilt" },
      { exerciseSlug: "stationary-cycling" },
      { exerciseSlug: "sit-to-stand" },
      {
        exerciseSlug: "single-leg-stance",
        note: "Stand next to a kitchen counter or something steady you can hold.",
      },
      {
        exerciseSlug: "walking-programme",
        note: "Stop for a short rest before your legs get heavy or tingly, and lean forwards on a trolley or walking poles if that helps you go further.",
      },
    ],
  },
  {
    slug: "builtin-piriformis",
    name: "Piriformis syndrome: stretch, strengthen, glide",
    description:
      "Deep gluteal pain. Hip external rotator stretches in a figure-4 position, abductor and rotator strength, sciatic nerve slider, and breaks from sitting. Rule out radiculopathy first. After a hip replacement these stretches need the surgeon's agreement: pulling the knee in takes the hip past 90° of flexion, so leave them out until then (and never use the knee-to-opposite-shoulder stretch, which adds adduction and internal rotation).",
    conditions: ["piriformis"],
    items: [
      { exerciseSlug: "figure-four-stretch-lying" },
      {
        exerciseSlug: "seated-figure-four-stretch",
        note: "Do this during your sitting breaks, about every 30 minutes.",
      },
      { exerciseSlug: "clamshell" },
      { exerciseSlug: "side-lying-hip-abduction" },
      { exerciseSlug: "sciatic-nerve-slider" },
    ],
  },
  {
    slug: "builtin-ddd",
    name: "Disc wear: manage as back pain",
    description:
      "Degenerative disc disease, managed as non-specific low back pain: gentle spinal mobility, trunk control, hip strength and regular walking. Frame the back as strong and adaptable; avoid \"fragile spine\" messages.",
    conditions: ["ddd"],
    items: [
      { exerciseSlug: "knee-rolls" },
      { exerciseSlug: "cat-camel" },
      { exerciseSlug: "bird-dog" },
      { exerciseSlug: "glute-bridge" },
      { exerciseSlug: "walking-programme" },
    ],
  },
  {
    slug: "builtin-desk",
    name: "Desk-related pain: move often",
    description:
      "Postural and desk-related pain. Micro-breaks every 30 minutes with standing extension, thoracic extension mobility, hip flexor and hip rotator stretches for long sitting. Evidence for posture correction itself is weak: emphasise variety and movement over a 'correct' posture.",
    conditions: ["desk"],
    items: [
      {
        exerciseSlug: "standing-back-extension",
        dose: { reps: 5, perDay: 8, daysPerWeek: 5 },
        note: "Do this each time you get up from sitting, about every 30 minutes.",
      },
      { exerciseSlug: "thoracic-extension-chair" },
      { exerciseSlug: "half-kneeling-hip-flexor-stretch" },
      { exerciseSlug: "seated-figure-four-stretch" },
    ],
  },
  {
    slug: "builtin-knee-oa",
    name: "Knee osteoarthritis: strength and activity",
    description:
      "Knee osteoarthritis. Local quadriceps and hip strengthening progressed to functional loading, plus aerobic cycling (NICE NG226, OARSI). Warn that pain may rise at first; in a flare reduce the load rather than stop. Discuss weight management where relevant.",
    conditions: ["knee-oa"],
    items: [
      { exerciseSlug: "seated-knee-extension" },
      { exerciseSlug: "sit-to-stand" },
      { exerciseSlug: "standing-hip-abduction" },
      {
        exerciseSlug: "forward-step-up",
        note: "Start on a low step, such as the bottom stair.",
      },
      {
        exerciseSlug: "stationary-cycling",
        note: "Your knee may ache a little more at first. This is normal and should settle within a few weeks.",
      },
    ],
  },
  {
    slug: "builtin-pfp",
    name: "Kneecap pain: hip and knee strength",
    description:
      "Patellofemoral pain. Combined hip and knee strengthening (JOSPT 2019): hip abductors and external rotators, glutes, and closed-chain quadriceps work kept to about a quarter squat (0–45°) early on, as the wall sit's note says. Seated knee extension (90°–45° only in PFP), mini squat, leg press, split squat and cycling are left out; add them with a range limit if wanted. Use the pain-monitoring model; if the knee is more swollen the next day, make the next session easier.",
    conditions: ["pfp"],
    items: [
      { exerciseSlug: "clamshell" },
      { exerciseSlug: "side-lying-hip-abduction" },
      { exerciseSlug: "glute-bridge" },
      {
        exerciseSlug: "wall-sit",
        note: "Slide only as far down as is comfortable; about a quarter squat to begin with.",
      },
      { exerciseSlug: "lateral-step-up" },
    ],
  },
  {
    slug: "builtin-knee-injury",
    name: "After knee injury or surgery: early stage",
    description:
      "Early rehabilitation after knee injury or surgery: restore full extension and flexion (heel slides within the surgeon's limits), quadriceps activation, closed-chain strength and balance. The surgeon's protocol overrides this template (range and weight-bearing limits). Open-chain knee extension and resisted hamstring curls are left out (early ACL graft protection, hamstring-tendon grafts); progress to step-ups and squats as control allows. Review locking or giving way; fast swelling after an injury is urgent.",
    conditions: ["knee-injury"],
    items: [
      { exerciseSlug: "heel-prop-knee-extension" },
      { exerciseSlug: "quad-set" },
      {
        exerciseSlug: "heel-slides",
        note: "Bend only as far as your surgeon or physiotherapist has said.",
      },
      {
        exerciseSlug: "straight-leg-raise",
        note: "If your knee bends as you lift, go back to the quad sets until it stays straight.",
      },
      { exerciseSlug: "terminal-knee-extension-band" },
      {
        exerciseSlug: "single-leg-stance",
        note: "Stand next to something steady you can hold.",
      },
    ],
  },
];
