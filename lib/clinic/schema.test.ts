import { describe, expect, it } from "vitest";
import { contrastWithWhite } from "./colour";
import { clinicSettingsSchema } from "./schema";

const valid = {
  name: "Harbour Physio",
  address: "1 Quay Street",
  phone: "+1 415 555 0100",
  email: "Hello@Harbour.example",
  website: "www.harbour.example",
  accentColour: "#0F766E",
  country: "US",
  timeZone: "America/Los_Angeles",
  paperSize: "LETTER",
};

function errorsOf(input: Record<string, unknown>) {
  const result = clinicSettingsSchema.safeParse(input);
  return result.success ? {} : Object.fromEntries(result.error.issues.map((issue) => [issue.path.join("."), issue.message]));
}

describe("contrastWithWhite", () => {
  it("matches WCAG's reference values", () => {
    expect(contrastWithWhite("#000000")).toBeCloseTo(21, 5);
    expect(contrastWithWhite("#ffffff")).toBeCloseTo(1, 5);
    expect(contrastWithWhite("#767676")).toBeCloseTo(4.54, 2);
    expect(contrastWithWhite("#777777")).toBeLessThan(4.5);
  });
});

describe("clinicSettingsSchema", () => {
  it("accepts a complete profile, normalising the email and colour", () => {
    const parsed = clinicSettingsSchema.parse(valid);
    expect(parsed).toMatchObject({ email: "hello@harbour.example", accentColour: "#0f766e", safetyEmergencyNumber: null });
  });

  it("refuses a brand colour under 4.5:1 on white, at the field, with the ratio", () => {
    expect(errorsOf({ ...valid, accentColour: "#ffcc00" }).accentColour).toMatch(/too light to read on white \(contrast 1\.\d\d:1; at least 4\.5:1/);
    expect(errorsOf({ ...valid, accentColour: "#777777" }).accentColour).toMatch(/4\.4\d:1/);
    expect(errorsOf({ ...valid, accentColour: "#767676" }).accentColour).toBeUndefined();
    expect(errorsOf({ ...valid, accentColour: "teal" }).accentColour).toMatch(/six hex digits/);
  });

  it("asks for all three words when the country is 'other'", () => {
    const errors = errorsOf({ ...valid, country: "other", safetyEmergencyNumber: "112" });
    expect(Object.keys(errors).sort()).toEqual(["safetyFamilyDoctor", "safetyUrgentAdvice"]);
    expect(errorsOf({ ...valid, country: "other", safetyEmergencyNumber: "112", safetyUrgentAdvice: "116 117", safetyFamilyDoctor: "doctor" })).toEqual({});
  });

  it("accepts a phone number as people write it in each country, stored as typed (trimmed)", () => {
    for (const phone of ["(312) 555-0147", "+1 312-555-0147", "020 7946 0000", "+61 2 9374 4000", "+353 1 234 5678", "09-123 4567", "(312) 555-0147 ext 12"]) {
      expect(clinicSettingsSchema.parse({ ...valid, phone: `  ${phone} ` }).phone, phone).toBe(phone);
    }
    expect(clinicSettingsSchema.parse({ ...valid, phone: "  " }).phone).toBeNull();
  });

  it("refuses a phone that is not a number, with the message at the field", () => {
    expect(errorsOf({ ...valid, phone: "call us" })).toEqual({ phone: expect.stringMatching(/^Enter the phone number with digits, spaces, hyphens, dots or brackets.*\(312\) 555-0147/) });
    expect(errorsOf({ ...valid, phone: "555" })).toEqual({ phone: expect.stringMatching(/5 to 15 digits \(this one has 3\)/) });
    expect(errorsOf({ ...valid, phone: "312--555--0147" }).phone).toMatch(/digits/);
    expect(errorsOf({ ...valid, phone: "1".repeat(61) }).phone).toMatch(/60 characters or fewer/);
  });

  it("refuses unknown countries, time zones and papers, and a bad email or website", () => {
    const errors = errorsOf({ ...valid, country: "FR", timeZone: "Mars/Olympus", paperSize: "A3", email: "nope", website: "not a site", name: " " });
    expect(Object.keys(errors).sort()).toEqual(["country", "email", "name", "paperSize", "timeZone", "website"]);
  });
});
