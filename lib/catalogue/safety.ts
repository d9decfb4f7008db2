// The safety section every patient-facing plan carries: red flags, when to get advice, and the pain rule.
import { z } from "zod";
import { applySafetyWordingDeep, safetyPresets, type SafetyWording } from "@/lib/clinic/safety-presets";

export const safetySectionSchema = z.object({
  heading: z.string(),
  intro: z.string(),
  items: z.array(z.string()).min(1),
});

export const painBandSchema = z.object({
  from: z.number().int(),
  to: z.number().int(),
  label: z.string(),
  advice: z.string(),
});

export const safetyContentSchema = z.object({
  urgent: safetySectionSchema,
  sameDay: safetySectionSchema,
  seeClinician: safetySectionSchema,
  painRule: z.object({
    heading: z.string(),
    intro: z.string(),
    bands: z.array(painBandSchema).min(3),
    notes: z.array(z.string()),
  }),
});
export type SafetyContent = z.infer<typeof safetyContentSchema>;

/**
 * The safety section with {placeholders} for the country's words (emergency number and department,
 * urgent advice, family doctor): see lib/clinic/safety-presets.ts. Patients read `safetyContentFor`.
 */
export const safetyTemplate: SafetyContent = {
  urgent: {
    heading: "Stop and get urgent help",
    intro:
      "These signs are rare, but they can mean a nerve under serious pressure, a blood clot or an infection that needs treatment quickly. If you notice any of the following, call {emergencyNumber} or go to {emergencyDepartment} straight away. Do not wait to see if it settles.",
    items: [
      "New numbness or tingling around your genitals, buttocks, inner thighs or back passage (the area you would sit on in a saddle).",
      "New difficulty passing urine, or not feeling that your bladder is full or has emptied.",
      "Loss of control of your bladder or bowel (wetting or soiling yourself without warning).",
      "New loss of sexual function, or loss of feeling in your genitals.",
      "Sciatica, weakness or numbness in both legs at the same time.",
      "Weakness in your leg that is severe or getting worse, for example your foot drags, catches or slaps when you walk, or your leg gives way because the muscles are weak.",
      "Back pain after a serious fall, accident or blow to the back.",
      "Sudden breathlessness or chest pain, especially after surgery or a leg injury. It can mean a blood clot in the lung.",
      "A calf that is swollen, red, warm or painful after surgery, an injury, a plaster cast or a long time not moving (such as a long journey or days in bed). It can mean a blood clot in the leg.",
      "A knee that is hot, red and swollen, with or without a fever. It can mean an infection in the joint.",
      "A knee that swells up quickly (within a few hours) after an injury, or looks deformed or out of place.",
      "A foot that turns cold, pale or numb.",
      "After surgery, a wound that is red, hot or leaking.",
    ],
  },
  sameDay: {
    heading: "Get medical advice the same day",
    intro:
      "Contact your {familyDoctor} or {urgentAdviceAction} today if you notice any of these.",
    items: [
      "Back pain together with a fever or feeling hot and shivery.",
      "Back pain with weight loss you cannot explain.",
      "A new lump in your back, or a change in its shape.",
      "Back pain at night that does not ease when you rest or change position.",
      "Back pain if you have had cancer in the past.",
      "Back pain if you have taken steroid tablets (such as prednisolone) for a long time.",
      "Back pain after a minor fall, bump or lift if you have osteoporosis (thin, weak bones).",
      "Back pain if your immune system is weakened, for example by an illness, chemotherapy or medicines taken after a transplant.",
      "Back pain if you inject drugs, or have done recently.",
      "A knee that locks and will not straighten.",
      "Being unable to put weight on your leg after a knee injury.",
    ],
  },
  seeClinician: {
    heading: "See your {familyDoctor} or physiotherapist if",
    intro: "Book an appointment, or tell your physiotherapist at your next visit, if:",
    items: [
      "Your pain has not improved within a few weeks.",
      "The pain stops you doing your normal daily activities.",
      "Your symptoms are getting worse.",
      "The exercises cause severe pain.",
      "Your knee locks or gives way now and then (a knee that stays locked needs advice the same day, see above).",
    ],
  },
  painRule: {
    heading: "How much pain is OK when you exercise",
    intro:
      "Some discomfort while you exercise is normal and safe. Score your pain from 0 (no pain) to 10 (the worst pain you can imagine) during and after exercise, and use this guide.",
    bands: [
      {
        from: 0,
        to: 3,
        label: "Safe",
        advice: "Pain up to 3 out of 10 is safe. Carry on with your exercises as planned.",
      },
      {
        from: 4,
        to: 5,
        label: "Acceptable",
        advice:
          "Pain of 4 or 5 out of 10 is acceptable. You can carry on, but do not push harder until it has eased.",
      },
      {
        from: 6,
        to: 10,
        label: "Reduce the load",
        advice:
          "Pain above 5 out of 10 is too much. Do fewer repetitions, move through a smaller range or use an easier version next time. If it stays this high, stop that exercise and tell your physiotherapist.",
      },
    ],
    notes: [
      "Any pain after exercise should settle by the next morning. If it has not, make the next session easier.",
      "Your pain and stiffness should not be getting worse from one week to the next. If they are, tell your physiotherapist.",
      "If your plan is for your knee: if your knee is more swollen the next day, make the next session easier (fewer repetitions, a smaller range or an easier version), and tell your physiotherapist if the swelling keeps coming back.",
      "If you have sciatica: pain moving out of your leg and towards your back is a good sign, and you can carry on. Pain, tingling or numbness spreading further down your leg means stop that exercise and tell your physiotherapist.",
    ],
  },
};

/** The safety section in a clinic's words, as a plan issued there carries it. */
export function safetyContentFor(wording: SafetyWording): SafetyContent {
  return applySafetyWordingDeep(safetyTemplate, wording);
}

/** The safety section in UK wording (999, A&E, NHS 111, GP): the catalogue's reference text. */
export const safetyContent: SafetyContent = safetyContentFor(safetyPresets.GB);
