// Patient education for the nine built-in conditions, and the general back and knee advice every plan carries.
import { z } from "zod";
import { applySafetyWordingDeep, safetyPresets, type SafetyWording } from "@/lib/clinic/safety-presets";
import { conditionSlugs, conditionSlugSchema, type ConditionSlug } from "./types";

export const educationSectionSchema = z.object({
  heading: z.string().min(1),
  paragraphs: z.array(z.string().min(1)).min(1),
  bullets: z.array(z.string().min(1)).optional(),
});
export type EducationSection = z.infer<typeof educationSectionSchema>;

export const conditionSchema = z.object({
  slug: conditionSlugSchema,
  name: z.string(),
  shortName: z.string(),
  region: z.enum(["back", "hip", "knee"]),
  summary: z.string(),
  education: z.array(educationSectionSchema).min(3),
});
export type Condition = z.infer<typeof conditionSchema>;

// Every condition's education uses the same four headings, in this order, so the
// patient page and the handout read alike whichever conditions a patient has.
const WHAT = "What it is";
const HELPS = "What usually helps";
const WATCH = "What to watch for";
const EXPECT = "What to expect";

// The text below carries {placeholders} for the country's safety words (see
// lib/clinic/safety-presets.ts); `conditions` and `generalEducation` are the UK rendering, and
// `educationFor` renders them in a clinic's words.
const conditionTemplates: Condition[] = [
  {
    slug: "nslbp",
    name: "Non-specific low back pain",
    shortName: "Low back pain",
    region: "back",
    summary:
      "Common low back pain with no single serious cause. It is rarely a sign of damage and usually improves with staying active.",
    education: [
      {
        heading: WHAT,
        paragraphs: [
          "Most back pain is called non-specific: no single structure can be blamed, and scans rarely show anything that explains it. It is very common and is not a sign that your back is damaged or weak.",
          "Muscles, joints, discs and the nerves around them all play a part, and things like sleep, stress, general fitness and how active you are can turn the pain up or down.",
        ],
      },
      {
        heading: HELPS,
        paragraphs: [
          "Staying active is the most useful thing you can do. Your back gets stronger and less sensitive when you use it.",
        ],
        bullets: [
          "Carry on with your normal day as much as you can, even if you have to do things more slowly at first.",
          "Do the exercises in your plan: strength, control of your trunk muscles, and general activity such as walking.",
          "Yoga, tai chi and swimming are good choices once you feel ready.",
          "Heat, such as a warm bath or a wrapped hot-water bottle, can ease pain and stiffness in the first few days.",
        ],
      },
      {
        heading: WATCH,
        paragraphs: [
          "Bed rest slows recovery, so avoid lying down for long spells during the day.",
          "Read the safety section of this plan. A few rare signs need urgent help, and you should know them even though you are very unlikely to have them.",
        ],
      },
      {
        heading: EXPECT,
        paragraphs: [
          "Most people feel much better within a few weeks. Pain can come and go for a while, and a flare-up does not mean you have injured yourself. Ease back a little, keep moving, and build up again.",
        ],
      },
    ],
  },
  {
    slug: "sciatica",
    name: "Sciatica (nerve pain from a disc)",
    shortName: "Sciatica",
    region: "back",
    summary:
      "Leg pain caused by an irritated nerve root in the lower back, most often from a bulging disc. It usually settles with time and the right movements.",
    education: [
      {
        heading: WHAT,
        paragraphs: [
          "Sciatica is pain that travels from your lower back or buttock down your leg, sometimes as far as your foot. It happens when a nerve root in your lower back is pressed on or irritated, most often by a bulging (herniated) disc.",
          "As well as pain, you may feel pins and needles, numbness or some weakness in the leg. The leg often hurts more than the back.",
        ],
      },
      {
        heading: HELPS,
        paragraphs: [
          "Early on, your physiotherapist will look for movements that draw the pain back out of your leg and towards your back. These are often gentle backward-bending movements, repeated several times a day.",
        ],
        bullets: [
          "Repeat the movements in your plan that make your leg feel better, not worse.",
          "Once the leg pain has settled, gentle nerve-gliding exercises help the nerve move freely again.",
          "Exercises that build control of your trunk muscles help protect your back as you get back to normal activity.",
          "Keep stretching of the back of your thigh gentle. The nerve runs there and does not like being pulled hard.",
        ],
      },
      {
        heading: WATCH,
        paragraphs: [
          "Pain moving up out of your leg and towards your back is a good sign, even if your back aches a little more for a while.",
        ],
        bullets: [
          "If an exercise makes the pain, tingling or numbness spread further down your leg, stop that exercise and tell your physiotherapist.",
          "If your leg is getting weaker, for example your foot drags, catches or slaps when you walk, or your leg gives way, call {emergencyNumber} or go to {emergencyDepartment} straight away: see the safety section.",
          "Numbness around your genitals or back passage, or changes in your bladder or bowel, need urgent help: see the safety section.",
        ],
      },
      {
        heading: EXPECT,
        paragraphs: [
          "Most sciatica improves a great deal over six to twelve weeks without an operation. Progress is often uneven: good days and bad days are normal. Injections or surgery are only considered if the pain stays severe after a proper trial of exercise and other care.",
        ],
      },
    ],
  },
  {
    slug: "stenosis",
    name: "Lumbar spinal stenosis",
    shortName: "Spinal stenosis",
    region: "back",
    summary:
      "Narrowing of the spaces around the nerves in the lower back, usually with age. Leg symptoms come on with walking or standing and ease when you sit or bend forward.",
    education: [
      {
        heading: WHAT,
        paragraphs: [
          "With age, the joints, discs and ligaments of the lower back thicken, and the spaces the nerves pass through can become narrower. This is called spinal stenosis.",
          "It typically causes aching, heaviness, tingling or weakness in the buttocks and legs when you stand or walk for a while. Sitting down or leaning forward, for example on a shopping trolley, usually eases it, because bending forward opens the spaces up.",
        ],
      },
      {
        heading: HELPS,
        paragraphs: ["Movements that bend your back gently forward are usually the most comfortable."],
        bullets: [
          "Knee-to-chest stretches and pelvic tilts in your plan open the spaces around the nerves.",
          "Cycling, on an exercise bike or outdoors, lets you stay fit while leaning forward.",
          "Keep walking: take rest breaks before the leg symptoms build, and lean on a trolley or walking poles if that helps you go further.",
          "Trunk and leg strength exercises make everyday tasks easier.",
        ],
      },
      {
        heading: WATCH,
        paragraphs: [
          "Bending backwards (arching your back) narrows the spaces again. Avoid exercises that arch your back if they bring on leg symptoms.",
          "Stenosis can affect your balance. Do balance exercises near something steady to hold, and tell your physiotherapist if you have had falls.",
        ],
      },
      {
        heading: EXPECT,
        paragraphs: [
          "Stenosis does not usually get steadily worse. Many people walk further and feel more confident after a few months of regular exercise. Your physiotherapist will help you find a routine you can keep up.",
        ],
      },
    ],
  },
  {
    slug: "piriformis",
    name: "Piriformis syndrome (deep buttock pain)",
    shortName: "Piriformis syndrome",
    region: "hip",
    summary:
      "Pain deep in the buttock, sometimes spreading down the back of the thigh, linked to the muscles around the sciatic nerve at the hip.",
    education: [
      {
        heading: WHAT,
        paragraphs: [
          "The piriformis is one of several small muscles deep in your buttock that turn your hip outwards. The sciatic nerve runs close by. When this area is irritated, you can feel a deep ache in the buttock, and sometimes pain or tingling down the back of your thigh.",
          "It is often worse when you sit for a long time, especially on a hard seat, or when you cross your legs.",
        ],
      },
      {
        heading: HELPS,
        paragraphs: ["Gentle stretching, strengthening of the hip muscles and less sitting help most people."],
        bullets: [
          "Stretch the muscles at the back of your hip, as shown in your plan.",
          "Strengthen the muscles at the side of your hip so they share the work.",
          "Nerve-gliding exercises help the sciatic nerve move freely.",
          "Break up long spells of sitting, and get up and move about every 30 minutes.",
        ],
      },
      {
        heading: WATCH,
        paragraphs: [
          "Buttock and leg pain can also come from a nerve in your back. If you notice numbness, weakness or pain spreading below your knee, tell your physiotherapist so they can check your back.",
          "If you have had a hip replacement, avoid bringing your knee up and across your body while turning your leg inwards, unless your surgeon has told you it is safe.",
        ],
      },
      {
        heading: EXPECT,
        paragraphs: [
          "Most people improve over a few weeks to a few months. Stretches can feel a little uncomfortable at first, but they should never cause sharp pain or leave tingling that lasts.",
        ],
      },
    ],
  },
  {
    slug: "ddd",
    name: "Degenerative disc disease",
    shortName: "Disc wear",
    region: "back",
    summary:
      "Age-related changes in the discs of the back. They are very common, often painless, and are managed like everyday back pain.",
    education: [
      {
        heading: WHAT,
        paragraphs: [
          "The discs between the bones of your spine change as you get older: they dry out a little and may become thinner. Scans show these changes in most adults, including many who have no pain at all.",
          "The name sounds alarming, but it is not a disease that steadily gets worse, and it does not mean your back is fragile.",
        ],
      },
      {
        heading: HELPS,
        paragraphs: ["The same things that help everyday back pain help here."],
        bullets: [
          "Stay active and carry on with your usual day as much as you can.",
          "Gentle movements for the spine, such as knee rolls and cat–camel, ease stiffness.",
          "Strength and trunk-control exercises build a strong, capable back.",
          "Regular walking, swimming or cycling keep you fit.",
        ],
      },
      {
        heading: WATCH,
        paragraphs: [
          "Your back is strong and made to move. Bending, lifting and exercise are safe, even if they are uncomfortable at first.",
          "If pain spreads down your leg with numbness or weakness, tell your physiotherapist, and read the safety section for the rare signs that need urgent help.",
        ],
      },
      {
        heading: EXPECT,
        paragraphs: [
          "Pain from the back often comes and goes. With regular exercise, most people find flare-ups become less frequent and easier to manage.",
        ],
      },
    ],
  },
  {
    slug: "desk",
    name: "Posture and desk-related pain",
    shortName: "Desk-related pain",
    region: "back",
    summary:
      "Back and neck aches that build up with long hours of sitting. Moving more often matters more than sitting in a perfect position.",
    education: [
      {
        heading: WHAT,
        paragraphs: [
          "Sitting still for long spells, at a desk, in a car or on the sofa, can leave your back stiff and achy. The body likes to change position, and stays comfortable when it does.",
          "There is no single correct posture. The best posture is the next one: changing position often helps more than holding yourself straight.",
        ],
      },
      {
        heading: HELPS,
        paragraphs: ["Short, frequent breaks and a few simple exercises make a big difference."],
        bullets: [
          "Get up and move every 30 minutes when you are sitting, even if only for a minute.",
          "Stand and gently bend backwards a few times during each break.",
          "Move the upper back and stretch the front of the hips, which stiffen with sitting.",
          "Set up your chair and screen so you can sit comfortably, and keep active outside work.",
        ],
      },
      {
        heading: WATCH,
        paragraphs: [
          "Do not worry about sitting perfectly straight all day; that is tiring and not needed. If pain spreads into your leg, tell your physiotherapist.",
          "Back pain at night that does not ease when you rest or change position needs medical advice the same day: see the safety section.",
        ],
      },
      {
        heading: EXPECT,
        paragraphs: [
          "Most people notice less stiffness within a week or two of moving more often. Keep the breaks going once you feel better, as they help prevent the aches returning.",
        ],
      },
    ],
  },
  {
    slug: "knee-oa",
    name: "Knee osteoarthritis",
    shortName: "Knee arthritis",
    region: "knee",
    summary:
      "Wear-and-repair changes in the knee joint that cause pain and stiffness. Exercise is the most effective treatment and is safe for the joint.",
    education: [
      {
        heading: WHAT,
        paragraphs: [
          "Osteoarthritis is the most common joint condition. The cartilage that covers the ends of the bones becomes thinner and the joint works to repair itself, which can cause pain, stiffness (especially after rest) and sometimes swelling.",
          "It is not simply wear and tear. How strong your muscles are, your weight and how active you are all affect how much it bothers you.",
        ],
      },
      {
        heading: HELPS,
        paragraphs: ["Exercise is the treatment with the best evidence, and it is safe for arthritic knees."],
        bullets: [
          "Strengthen the muscles around your knee and hip with the exercises in your plan.",
          "Add regular activity that gets you a little out of breath, such as walking, cycling or swimming.",
          "If you are carrying extra weight, losing some takes load off your knees.",
          "Supportive, cushioned footwear and pacing your activities through the day can help.",
        ],
      },
      {
        heading: WATCH,
        paragraphs: [
          "If your knee flares up, reduce the load for a few days rather than stopping altogether: do fewer repetitions or an easier version, then build up again.",
        ],
        bullets: [
          "A hot, red, swollen knee, with or without a fever, needs urgent help: call {emergencyNumber} or go to {emergencyDepartment} (see the safety section).",
        ],
      },
      {
        heading: EXPECT,
        paragraphs: [
          "Your knee may ache a little more when you start exercising. This is normal and usually settles within a few weeks. Most people feel real benefit after eight to twelve weeks of regular exercise, and it keeps helping for as long as you keep it up.",
        ],
      },
    ],
  },
  {
    slug: "pfp",
    name: "Patellofemoral pain (pain around the kneecap)",
    shortName: "Kneecap pain",
    region: "knee",
    summary:
      "Pain around or behind the kneecap, often worse on stairs, squatting or after sitting. Strengthening the hip and knee muscles helps most people.",
    education: [
      {
        heading: WHAT,
        paragraphs: [
          "Patellofemoral pain is an ache around or behind your kneecap. It is common in active people and teenagers, and often comes on after a change in activity.",
          "It is usually worse when going down stairs, squatting, kneeling, running, or after sitting with your knees bent for a long time. The knee itself is not damaged; the tissues around the kneecap have become sensitive to load.",
        ],
      },
      {
        heading: HELPS,
        paragraphs: ["Building strength in both your hip and your thigh muscles gives the best results."],
        bullets: [
          "Hip exercises, such as clamshells and side-lying leg lifts, help keep your knee in line.",
          "Thigh-strengthening exercises, kept within a comfortable range at first, build your knee's tolerance to load.",
          "Adjust activities that flare the pain for a while, rather than stopping everything.",
        ],
      },
      {
        heading: WATCH,
        paragraphs: [
          "Use the pain rule in the safety section: some discomfort while exercising is fine if it settles by the next morning.",
          "Early on, keep bending exercises shallow (about a quarter squat) and go deeper only as the pain allows.",
        ],
      },
      {
        heading: EXPECT,
        paragraphs: [
          "Improvement is usually gradual over six weeks to three months. Keep going with the exercises even when the pain eases, as this helps stop it coming back.",
        ],
      },
    ],
  },
  {
    slug: "knee-injury",
    name: "After a knee injury or operation",
    shortName: "Knee injury or surgery",
    region: "knee",
    summary:
      "Rehabilitation after a knee injury or surgery: getting the knee straight, the thigh muscle working, then building strength and balance step by step.",
    education: [
      {
        heading: WHAT,
        paragraphs: [
          "After a knee injury or an operation, the knee is often swollen and stiff, and the thigh muscle (the quadriceps) switches off. Your rehabilitation brings back movement, strength and confidence in stages.",
        ],
      },
      {
        heading: HELPS,
        paragraphs: ["The order of things matters."],
        bullets: [
          "First, get the knee fully straight and the thigh muscle working again.",
          "Then build strength with exercises done standing, such as step-ups and mini squats, increasing them step by step.",
          "Balance exercises retrain the knee's sense of position and help prevent it giving way.",
          "Ice, raising the leg and gentle movement help control swelling.",
        ],
      },
      {
        heading: WATCH,
        paragraphs: [
          "If you have had an operation, your surgeon's instructions come first. Follow any limits on bending or weight-bearing they have given you.",
        ],
        bullets: [
          "Tell your physiotherapist if your knee catches, gives way or stays more swollen than before.",
          "A knee that locks and will not straighten needs medical advice the same day.",
          "Get urgent help (call {emergencyNumber} or go to {emergencyDepartment}) for a knee that swells up quickly after an injury or looks deformed, a calf that is swollen, red or painful, sudden breathlessness or chest pain, a cold, pale or numb foot, or a wound that is red, hot or leaking: see the safety section.",
        ],
      },
      {
        heading: EXPECT,
        paragraphs: [
          "Recovery takes weeks to months depending on the injury. Progress is measured in small gains: a little more bend, a little more strength. Your physiotherapist will move you on to harder exercises when your knee is ready.",
        ],
      },
    ],
  },
];

/** The nine conditions' education in UK wording: the catalogue's reference text. */
export const conditions: Condition[] = applySafetyWordingDeep(conditionTemplates, safetyPresets.GB);

const bySlug = new Map(conditions.map((c) => [c.slug, c]));

export function getCondition(slug: ConditionSlug): Condition {
  const condition = bySlug.get(slug);
  if (!condition) throw new Error(`Unknown condition: ${slug}`);
  return condition;
}

/**
 * A condition's name as pages show it ("Knee osteoarthritis"), or its short name ("Knee arthritis")
 * for chips and tables. A slug no longer in the catalogue (an old record) reads as itself.
 */
export function conditionName(slug: string, form: "name" | "shortName" = "name"): string {
  return bySlug.get(slug as ConditionSlug)?.[form] ?? slug;
}

// The seed article's patient education: common to every back and knee plan.
const generalEducationTemplate: EducationSection[] = [
  {
    heading: "What causes back and knee pain",
    paragraphs: [
      "Back and knee pain are very common and usually have more than one cause. The most frequent are:",
    ],
    bullets: [
      "Arthritis: changes in the joints that come with age or after old injuries.",
      "Injuries, such as a strain, a twist or a fall.",
      "Muscle imbalances, where some muscles are weaker or tighter than others, so a joint takes more load than it should.",
      "Nerve compression, where a nerve is pressed on or irritated, as in sciatica.",
      "Posture and the way you move: long spells in one position, or lifting and bending in ways that overload the back or knee.",
    ],
  },
  {
    heading: "Common symptoms",
    paragraphs: [
      "Back pain can feel like a dull ache, a sharp shooting pain or a constant throb. Knee pain can range from mild discomfort to severe pain, and may be felt around the kneecap or deep inside the joint.",
    ],
    bullets: [
      "Stiffness, usually worse after sitting or lying still, that makes bending, straightening, walking, climbing stairs or standing for long difficult.",
      "Swelling, warmth and redness, which are more likely with inflammatory conditions such as arthritis or bursitis.",
      "Pain that spreads: from the back through the buttock, thigh and calf to the foot (sciatica), or from the knee into the thigh or shin.",
      "Clicking, popping, grinding or catching in the knee when you move it. On their own, without pain or swelling, these noises are common and usually harmless.",
    ],
  },
  {
    heading: "How the back and the knee are linked",
    paragraphs: [
      "The sciatic nerve is the largest nerve in the body. It starts from several nerve roots in your lower back, runs through your buttock and down the back of your thigh, and branches to supply your leg and foot.",
      "Because this nerve, and the nerves to the front of the thigh, carry signals from the knee area, a problem in the lower back, such as a bulging disc pressing on a nerve root, can be felt as pain around the knee even when the knee itself is healthy.",
    ],
  },
  {
    heading: "Sciatica: what it feels like",
    paragraphs: [
      "Sciatica is the name for pain caused by irritation of the sciatic nerve or the nerve roots that form it. It can cause:",
    ],
    bullets: [
      "Pain in the lower back.",
      "Pain felt in or around the knee, and along the leg.",
      "Numbness or tingling (pins and needles) in the leg or foot.",
      "Weakness in the leg or foot.",
    ],
  },
  {
    heading: "What causes sciatica",
    paragraphs: ["Something presses on or irritates the nerve. The most common causes are:"],
    bullets: [
      "A herniated (bulging or slipped) disc pressing on a nerve root in the lower back.",
      "Spinal stenosis: narrowing of the spaces the nerves pass through.",
      "Piriformis syndrome: a deep buttock muscle irritating the nerve where it passes by.",
      "Degenerative disc disease: age-related changes in the discs.",
    ],
  },
  {
    heading: "Treatment options",
    paragraphs: [
      "Most back and knee pain gets better with simple care. Your physiotherapist or {familyDoctor} may suggest:",
    ],
    bullets: [
      "Pain medication, such as anti-inflammatory tablets or gels, to help you keep moving. Ask a pharmacist or your {familyDoctor} which is right for you.",
      "Physiotherapy: exercises like the ones in this plan, advice and hands-on treatment.",
      "Heat and cold: warmth eases stiff muscles; a wrapped ice pack can calm a hot, swollen joint. Use either for 15 to 20 minutes at a time and protect your skin.",
      "Injections, such as steroid injections, which are only considered when exercise and other conservative care have been tried and have not helped enough.",
      "Surgery, which is also only considered after conservative care has been tried, and is needed by a small number of people.",
    ],
  },
  {
    heading: "Everyday life",
    paragraphs: ["Small changes to your day can help your back and knees recover and stay well."],
    bullets: [
      "While you are in pain, avoid heavy or high-impact exercise; ease back into it as you improve.",
      "Choose gentle activities: walking, swimming, water aerobics and yoga are all good options.",
      "Eat a balanced diet with plenty of anti-inflammatory foods, such as vegetables, fruit, oily fish, nuts, olive oil and whole grains.",
      "When you are sitting for a long time, get up and move every 30 minutes.",
    ],
  },
  {
    heading: "When to see a doctor",
    paragraphs: [
      "Make an appointment with your {familyDoctor} or physiotherapist if any of these apply. For signs that need urgent help, see the safety section.",
    ],
    bullets: [
      "Your pain has not improved after a few weeks.",
      "The pain stops you doing your normal daily activities.",
      "The pain is getting worse rather than better.",
    ],
  },
];

/** The general back and knee advice in UK wording. */
export const generalEducation: EducationSection[] = applySafetyWordingDeep(generalEducationTemplate, safetyPresets.GB);

/**
 * The education a patient with these conditions reads: their conditions in the
 * catalogue's order (each once), followed by the general back and knee advice.
 */
export function educationFor(
  slugs: ConditionSlug[],
  wording: SafetyWording = safetyPresets.GB,
): { conditions: Condition[]; general: EducationSection[] } {
  const wanted = new Set(slugs);
  // The UK rendering is made once at load; other wordings are rendered per plan issued.
  if (wording === safetyPresets.GB) return { conditions: conditionSlugs.filter((s) => wanted.has(s)).map(getCondition), general: generalEducation };
  const templates = new Map(conditionTemplates.map((c) => [c.slug, c]));
  return applySafetyWordingDeep(
    {
      conditions: conditionSlugs.filter((s) => wanted.has(s)).map((slug) => templates.get(slug)!),
      general: generalEducationTemplate,
    },
    wording,
  );
}
