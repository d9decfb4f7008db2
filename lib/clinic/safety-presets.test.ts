import { describe, expect, it } from "vitest";
import { educationFor } from "@/lib/catalogue/conditions";
import { safetyContentFor, safetyTemplate } from "@/lib/catalogue/safety";
import { conditionSlugs } from "@/lib/catalogue/types";
import {
  applySafetyWording,
  countries,
  defaultPaperFor,
  safetyPresets,
  safetyWordingFor,
  type PresetCountry,
  type SafetyWording,
} from "./safety-presets";

function strings(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value && typeof value === "object") return Object.values(value).flatMap(strings);
  return [];
}

/** Everything a patient of a clinic with this wording reads about safety and their conditions. */
function patientText(wording: SafetyWording): string {
  return strings({ safety: safetyContentFor(wording), education: educationFor([...conditionSlugs], wording) }).join("\n");
}

// The three sentences that carry the words, as a patient in each country reads them.
const expected: Record<PresetCountry, { urgent: string; sameDay: string; seeHeading: string }> = {
  GB: {
    urgent: "call 999 or go to A&E straight away",
    sameDay: "Contact your GP or call NHS 111 today if you notice any of these.",
    seeHeading: "See your GP or physiotherapist if",
  },
  IE: {
    urgent: "call 112 (or 999) or go to the emergency department straight away",
    sameDay: "Contact your GP or call the GP out-of-hours service today if you notice any of these.",
    seeHeading: "See your GP or physiotherapist if",
  },
  US: {
    urgent: "call 911 or go to the emergency room straight away",
    sameDay: "Contact your primary care provider or go to an urgent care clinic today if you notice any of these.",
    seeHeading: "See your primary care provider or physiotherapist if",
  },
  CA: {
    urgent: "call 911 or go to the emergency department straight away",
    sameDay: "Contact your family doctor or call 811 today if you notice any of these.",
    seeHeading: "See your family doctor or physiotherapist if",
  },
  AU: {
    urgent: "call 000 or go to the emergency department straight away",
    sameDay: "Contact your GP or call healthdirect on 1800 022 222 today if you notice any of these.",
    seeHeading: "See your GP or physiotherapist if",
  },
  NZ: {
    urgent: "call 111 or go to the emergency department straight away",
    sameDay: "Contact your GP or call Healthline on 0800 611 116 today if you notice any of these.",
    seeHeading: "See your GP or physiotherapist if",
  },
};

describe("safety presets", () => {
  it.each(Object.keys(expected) as PresetCountry[])("%s: the safety section says the country's words", (country) => {
    const safety = safetyContentFor(safetyPresets[country]);
    expect(safety.urgent.intro).toContain(expected[country].urgent);
    expect(safety.sameDay.intro).toBe(expected[country].sameDay);
    expect(safety.seeClinician.heading).toBe(expected[country].seeHeading);
  });

  it.each(Object.keys(expected) as PresetCountry[])("%s: no placeholder is left anywhere a patient reads", (country) => {
    expect(patientText(safetyPresets[country])).not.toMatch(/[{}]/);
  });

  it("condition education sends urgent signs to the country's emergency number too", () => {
    const us = educationFor(["sciatica", "knee-oa", "knee-injury"], safetyPresets.US);
    const lines = us.conditions.flatMap((c) => c.education.flatMap((s) => [...s.paragraphs, ...(s.bullets ?? [])]));
    expect(lines.filter((line) => /call 911 or go to the emergency room/.test(line)).length).toBeGreaterThanOrEqual(3);
    for (const line of lines) expect(line).not.toMatch(/999|A&E/);
    const general = JSON.stringify(us.general);
    expect(general).toMatch(/your primary care provider/);
  });

  it.each(["US", "CA", "AU", "NZ"] as const)("%s: nothing of the UK's wording is left", (country) => {
    const text = patientText(safetyPresets[country]);
    expect(text).not.toMatch(/\b999\b|A&E|NHS/);
    if (country === "US" || country === "CA") expect(text).not.toMatch(/\bGPs?\b/);
  });

  it("the UK rendering is the catalogue's reference text", () => {
    const text = patientText(safetyPresets.GB);
    expect(text).toMatch(/call 999 or go to A&E/);
    expect(text).toMatch(/NHS 111/);
    expect(text).not.toMatch(/911|emergency room/);
  });

  it("the template itself names no country's number", () => {
    expect(JSON.stringify(safetyTemplate)).not.toMatch(/\b(999|911|000|111|112)\b|A&E|NHS|\bGP\b/);
  });

  it("'other' uses what the admin typed, and nothing until all three are typed", () => {
    const typed = { emergencyNumber: "112", urgentAdvice: "the on-call doctor on 116 117", familyDoctor: "house doctor" };
    const wording = safetyWordingFor("other", typed)!;
    const safety = safetyContentFor(wording);
    expect(safety.urgent.intro).toContain("call 112 or go to the emergency department straight away");
    expect(safety.sameDay.intro).toBe("Contact your house doctor or contact the on-call doctor on 116 117 today if you notice any of these.");
    expect(safety.seeClinician.heading).toBe("See your house doctor or physiotherapist if");
    expect(safetyWordingFor("other", { ...typed, familyDoctor: "  " })).toBeNull();
    expect(safetyWordingFor("other", { emergencyNumber: "112", urgentAdvice: null, familyDoctor: "doctor" })).toBeNull();
    // A preset country ignores anything typed.
    expect(safetyWordingFor("US", typed)).toBe(safetyPresets.US);
  });

  it("fills placeholders, capitalised on request, and refuses unknown ones", () => {
    expect(applySafetyWording("{FamilyDoctor}s and your {familyDoctor}", safetyPresets.US)).toBe("Primary care providers and your primary care provider");
    expect(() => applySafetyWording("call {ambulance}", safetyPresets.GB)).toThrow(/ambulance/);
  });

  it("prints on Letter in the US and Canada, A4 elsewhere", () => {
    expect(countries.filter((c) => defaultPaperFor(c) === "LETTER")).toEqual(["US", "CA"]);
  });
});
