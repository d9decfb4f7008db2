import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  conditionSchema,
  conditions,
  educationFor,
  educationSectionSchema,
  generalEducation,
  getCondition,
  type EducationSection,
} from "./conditions";
import { safetyContent, safetyContentSchema } from "./safety";
import { conditionSlugs, type ConditionSlug } from "./types";

const sectionText = (s: EducationSection) => [s.heading, ...s.paragraphs, ...(s.bullets ?? [])].join("\n");
const allText = (sections: EducationSection[]) => sections.map(sectionText).join("\n");

// The brief §1 table, in its order.
const briefSlugs = ["nslbp", "sciatica", "stenosis", "piriformis", "ddd", "desk", "knee-oa", "pfp", "knee-injury"];

describe("conditions", () => {
  it("are the nine of the brief, in the brief's order, and parse", () => {
    expect(conditions.map((c) => c.slug)).toEqual(briefSlugs);
    for (const c of conditions) expect(conditionSchema.parse(c)).toEqual(c);
  });

  it("each read as: what it is, what usually helps, what to watch for, what to expect", () => {
    for (const c of conditions) {
      expect(c.education.map((s) => s.heading), c.slug).toEqual([
        "What it is",
        "What usually helps",
        "What to watch for",
        "What to expect",
      ]);
      expect(c.name.length, c.slug).toBeGreaterThan(3);
      expect(c.shortName.length, c.slug).toBeGreaterThan(3);
      expect(c.summary.length, c.slug).toBeGreaterThan(40);
    }
  });

  it("put each condition in its region", () => {
    const region = Object.fromEntries(conditions.map((c) => [c.slug, c.region]));
    expect(region).toEqual({
      nslbp: "back",
      sciatica: "back",
      stenosis: "back",
      piriformis: "hip",
      ddd: "back",
      desk: "back",
      "knee-oa": "knee",
      pfp: "knee",
      "knee-injury": "knee",
    });
  });

  // What the patient must read for each condition: the brief's "approach" and "cautions" columns.
  const mustSay: Record<ConditionSlug, { helps: RegExp[]; watch: RegExp[] }> = {
    nslbp: { helps: [/active/i, /walking/i, /heat/i, /yoga|tai chi/i], watch: [/bed rest/i, /safety section/i] },
    sciatica: {
      helps: [/towards your back/i, /nerve/i, /gentle/i],
      watch: [/spread further down your leg/i, /stop/i, /weaker/i],
    },
    stenosis: { helps: [/knee-to-chest/i, /cycling/i, /rest breaks/i], watch: [/arch/i, /balance/i] },
    piriformis: { helps: [/stretch/i, /strengthen/i, /nerve/i, /30 minutes/i], watch: [/back/i, /hip replacement/i] },
    ddd: { helps: [/active/i], watch: [/strong/i] },
    desk: { helps: [/30 minutes/i, /bend backwards/i, /upper back/i, /hips/i], watch: [/perfectly straight/i] },
    "knee-oa": { helps: [/strengthen/i, /out of breath|walking|cycling/i, /weight/i], watch: [/reduce the load/i, /hot, red, swollen/i, /fever/i] },
    pfp: { helps: [/hip/i, /thigh/i], watch: [/next morning/i, /quarter squat/i] },
    "knee-injury": { helps: [/straight/i, /thigh muscle/i, /balance/i], watch: [/surgeon/i, /locks/i, /gives way/i, /swell/i] },
  };

  it.each(briefSlugs as ConditionSlug[])("%s tells the patient what helps and what to watch for", (slug) => {
    const c = getCondition(slug);
    const helps = sectionText(c.education[1]);
    const watch = sectionText(c.education[2]);
    for (const re of mustSay[slug].helps) expect(helps, `${slug} helps ${re}`).toMatch(re);
    for (const re of mustSay[slug].watch) expect(watch, `${slug} watch ${re}`).toMatch(re);
  });

  it("warn that knee arthritis pain may rise at first", () => {
    expect(sectionText(getCondition("knee-oa").education[3])).toMatch(/ache a little more when you start/i);
  });

  it("do not call a worn disc fragile except to deny it", () => {
    const text = allText(getCondition("ddd").education);
    expect(text).toMatch(/does not mean your back is fragile/);
    expect(text.match(/fragile/g)).toHaveLength(1);
  });

  it("getCondition finds by slug and refuses an unknown one", () => {
    expect(getCondition("pfp").shortName).toBe("Kneecap pain");
    expect(() => getCondition("tennis-elbow" as ConditionSlug)).toThrow(/Unknown condition/);
  });
});

describe("educationFor", () => {
  it("gives the patient's conditions once each, in catalogue order, with the general advice", () => {
    const e = educationFor(["pfp", "nslbp", "pfp"]);
    expect(e.conditions.map((c) => c.slug)).toEqual(["nslbp", "pfp"]);
    expect(e.general).toBe(generalEducation);
  });

  it("gives the general advice even with no condition recorded", () => {
    const e = educationFor([]);
    expect(e.conditions).toEqual([]);
    expect(e.general.length).toBeGreaterThanOrEqual(5);
  });

  it("for any list of slugs returns exactly that set, without repeats", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...conditionSlugs), { maxLength: 20 }), (slugs) => {
        const got = educationFor(slugs).conditions.map((c) => c.slug);
        expect(new Set(got)).toEqual(new Set(slugs));
        expect(got).toHaveLength(new Set(slugs).size);
        expect(got).toEqual(conditionSlugs.filter((s) => got.includes(s)));
      }),
    );
  });
});

describe("generalEducation", () => {
  it("parses", () => {
    for (const s of generalEducation) expect(educationSectionSchema.parse(s)).toEqual(s);
  });

  const text = allText(generalEducation);
  // Every topic of the seed article the brief lists (§1, "The seed article's own content…").
  const topics: Record<string, RegExp[]> = {
    causes: [/arthritis/i, /injur/i, /muscle imbalance/i, /nerve compression/i, /posture/i],
    "back pain symptoms": [/dull ache/i, /sharp shooting/i, /constant throb/i],
    "knee pain symptoms": [/mild discomfort to severe/i, /around the kneecap/i, /deep inside the joint/i],
    stiffness: [/stiffness/i, /worse after/i, /bending/i, /straightening/i, /walking/i, /stairs/i, /standing/i],
    inflammation: [/swelling/i, /warmth/i, /redness/i, /bursitis/i],
    "radiating pain": [/buttock, thigh and calf to the foot/i, /knee into the thigh or shin/i],
    "knee noises": [/clicking/i, /popping/i, /grinding/i, /catching/i],
    "sciatic nerve": [/sciatic nerve/i, /largest nerve/i, /lower back/i, /knee/i],
    "sciatica symptoms": [/numbness/i, /tingling/i, /weakness/i],
    "sciatica causes": [/herniated/i, /stenosis/i, /piriformis/i, /degenerative disc/i],
    treatment: [/pain medication/i, /physiotherapy/i, /heat and cold/i, /injections/i, /surgery/i],
    lifestyle: [/avoid heavy/i, /swimming/i, /water aerobics/i, /yoga/i, /anti-inflammatory foods/i, /30 minutes/i],
    "when to see a doctor": [/few weeks/i, /daily activities/i, /getting worse/i],
  };
  it.each(Object.entries(topics))("covers %s", (_topic, patterns) => {
    for (const re of patterns) expect(text).toMatch(re);
  });

  it("offers injections and surgery only after conservative care", () => {
    const bullets = generalEducation.flatMap((s) => s.bullets ?? []);
    for (const word of ["Injections", "Surgery"]) {
      const line = bullets.find((b) => b.startsWith(word));
      expect(line, word).toBeDefined();
      expect(line).toMatch(/conservative care has been tried|conservative care have been tried/);
    }
  });

  it("explains why a back problem can be felt at the knee", () => {
    const link = generalEducation.find((s) => /back and the knee/i.test(s.heading));
    expect(link).toBeDefined();
    expect(sectionText(link!)).toMatch(/problem in the lower back[^.]*felt as pain around the knee/i);
  });
});

describe("safetyContent", () => {
  it("parses", () => {
    expect(safetyContentSchema.parse(safetyContent)).toEqual(safetyContent);
  });

  const urgent = [safetyContent.urgent.intro, ...safetyContent.urgent.items].join("\n");
  it("sends the patient to emergency care for the red flags", () => {
    expect(urgent).toMatch(/999/);
    expect(urgent).toMatch(/A&E/);
  });
  it.each([
    ["saddle numbness", /numbness or tingling around your genitals, buttocks, inner thighs or back passage/i],
    ["urine", /difficulty passing urine/i],
    ["bladder sensation", /not feeling that your bladder is full/i],
    ["bladder or bowel control", /control of your bladder or bowel/i],
    ["sexual function", /loss of sexual function/i],
    ["genital sensation", /feeling in your genitals/i],
    ["both legs", /both legs/i],
    ["worsening weakness", /severe or getting worse/i],
    ["trauma", /serious fall, accident/i],
  ])("urgent list covers %s", (_sign, re) => {
    expect(urgent).toMatch(re);
  });

  it.each([
    ["a clot in the lung", /sudden breathlessness or chest pain/i],
    ["a calf clot after surgery", /calf[^.]*swollen[^.]*after surgery/i],
    ["a calf clot after an injury", /calf[^.]*after[^.]*an injury/i],
    ["a calf clot after a plaster cast", /calf[^.]*plaster cast/i],
    ["a calf clot after a long time not moving", /calf[^.]*long time not moving/i],
    ["a hot knee with or without fever", /knee that is hot, red and swollen, with or without a fever/i],
    ["fast swelling after an injury", /knee that swells up quickly[^.]*after an injury/i],
    ["a deformed knee", /knee[^.]*deformed/i],
    ["a cold, pale or numb foot", /foot that turns cold, pale or numb/i],
    ["a red or leaking wound after surgery", /after surgery, a wound that is red[^.]*leaking/i],
  ])("urgent list also covers %s", (_sign, re) => {
    expect(safetyContent.urgent.items.some((item) => re.test(item))).toBe(true);
  });

  const sameDay = [safetyContent.sameDay.intro, ...safetyContent.sameDay.items].join("\n");
  it.each([
    /GP/,
    /NHS 111/,
    /fever/,
    /weight loss/,
    /lump/,
    /shape/,
    /at night/,
    /cancer/,
    /steroid/,
    /minor fall[^.]*osteoporosis/,
    /immune system is weakened/,
    /inject drugs/,
    /locks/,
    /unable to put weight/,
  ])("same-day list covers %s", (re) => {
    expect(sameDay).toMatch(re);
  });

  // One tier per sign: what is urgent is not also offered a slower route.
  const tierSigns: [string, RegExp][] = [
    ["foot drop", /foot (drags|catches|slaps)|(drags|catches|slaps) when you walk/i],
    ["a hot, red, swollen knee", /hot, red,? (and )?swollen/i],
    ["a swollen calf", /(swollen|painful)[^.]*calf|calf[^.]*(swollen|painful)/i],
    ["breathlessness", /breathless/i],
  ];
  it.each(tierSigns)("%s appears in the urgent list and in no slower tier", (_sign, re) => {
    expect(safetyContent.urgent.items.filter((i) => re.test(i))).toHaveLength(1);
    for (const item of [...safetyContent.sameDay.items, ...safetyContent.seeClinician.items]) expect(item).not.toMatch(re);
  });

  it.each(tierSigns)("condition education that mentions %s sends the patient to the urgent tier", (_sign, re) => {
    const emergency = /999|A&E/;
    expect(safetyContent.urgent.intro).toMatch(emergency);
    const lines = conditions.flatMap((c) => c.education.flatMap((s) => [...s.paragraphs, ...(s.bullets ?? [])]));
    for (const line of lines.filter((l) => re.test(l))) {
      expect(line).toMatch(emergency);
      expect(line).not.toMatch(/same day|\bsoon\b/i);
    }
  });

  it("condition education that mentions night pain not eased by rest sends the patient to the same-day tier", () => {
    const sameDayNight = safetyContent.sameDay.items.find((i) => /at night/.test(i));
    expect(sameDayNight).toMatch(/does not ease when you rest/);
    const lines = conditions.flatMap((c) => c.education.flatMap((s) => [...s.paragraphs, ...(s.bullets ?? [])]));
    const night = lines.filter((l) => /at night|wakes you/.test(l));
    expect(night.length).toBeGreaterThan(0);
    for (const line of night) expect(line).toMatch(/same day/);
  });

  it("sciatica education puts foot drop in the urgent tier", () => {
    const watch = sectionText(getCondition("sciatica").education[2]);
    expect(watch).toMatch(/foot (drags|catches|slaps)[^.]*(999|A&E)/);
  });

  it("says when to see the GP or physiotherapist", () => {
    const text = safetyContent.seeClinician.items.join("\n");
    for (const re of [/few weeks/, /daily activities/, /getting worse/, /severe pain/, /locks or gives way/]) {
      expect(text).toMatch(re);
    }
  });

  it("pain bands cover every score from 0 to 10 exactly once", () => {
    const { bands } = safetyContent.painRule;
    for (let score = 0; score <= 10; score++) {
      expect(bands.filter((b) => b.from <= score && score <= b.to), `score ${score}`).toHaveLength(1);
    }
    expect(bands.map((b) => [b.from, b.to])).toEqual([
      [0, 3],
      [4, 5],
      [6, 10],
    ]);
    expect(bands.map((b) => b.label)).toEqual(["Safe", "Acceptable", "Reduce the load"]);
    for (const b of bands) expect(b.advice.length).toBeGreaterThan(20);
    expect(bands[2].advice).toMatch(/fewer|easier/);
  });

  it("pain rule notes: settles by morning, not worse week to week, sciatica direction", () => {
    const notes = safetyContent.painRule.notes.join("\n");
    expect(notes).toMatch(/settle by the next morning/);
    expect(notes).toMatch(/one week to the next/);
    expect(notes).toMatch(/sciatica[^]*towards your back[^]*spreading further down your leg means stop/i);
    expect(safetyContent.painRule.notes.some((n) => /knee/.test(n) && /more swollen the next day/.test(n) && /next session easier/.test(n))).toBe(true);
  });
});

describe("patient text", () => {
  const everything = [
    ...conditions.flatMap((c) => [c.name, c.shortName, c.summary, allText(c.education)]),
    allText(generalEducation),
    JSON.stringify(safetyContent),
  ].join("\n");

  it("uses British spelling", () => {
    const american =
      /\b(color\w*|center|behavior|favor\w*|organiz\w*|realiz\w*|recogniz\w*|minimiz\w*|optimiz\w*|pediatric|orthopedic|edema|anesthe\w*|estrogen|ischemi\w*|program)\b/i;
    const hit = everything.match(american);
    expect(hit?.[0]).toBeUndefined();
  });

  it("speaks to the patient, not about them", () => {
    expect(everything).not.toMatch(/\bthe patient\b/i);
    expect(everything).toMatch(/\byour\b/);
  });
});
