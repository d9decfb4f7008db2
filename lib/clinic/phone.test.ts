import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parsePhone, telHref } from "./phone";

describe("a clinic's phone number", () => {
  it("accepts the ways people write numbers, and dials their digits", () => {
    const written: [string, string][] = [
      ["(312) 555-0147", "tel:3125550147"],
      ["+1 312-555-0147", "tel:+13125550147"],
      ["+1 (312) 555-0147", "tel:+13125550147"],
      ["312.555.0147", "tel:3125550147"],
      ["020 7946 0000", "tel:02079460000"],
      ["+44 20 7946 0000", "tel:+442079460000"],
      ["+61 2 9374 4000", "tel:+61293744000"],
      ["+353 1 234 5678", "tel:+35312345678"],
      ["09-123 4567", "tel:091234567"],
      ["0161 496 0123", "tel:01614960123"],
      ["(555) 010.4477", "tel:5550104477"],
      ["  01234 567890 ", "tel:01234567890"],
      ["+ 44 20 7946 0000", "tel:+442079460000"],
    ];
    for (const [text, href] of written) expect(telHref(text), text).toBe(href);
  });

  it("leaves the extension out of the link and keeps it apart", () => {
    expect(parsePhone("(312) 555-0147 ext 12")).toEqual({ ok: true, phone: { dial: "3125550147", extension: "12" } });
    expect(parsePhone("0161 496 0123 ext. 4")).toEqual({ ok: true, phone: { dial: "01614960123", extension: "4" } });
    expect(parsePhone("+1 312 555 0147, Extension 230")).toEqual({ ok: true, phone: { dial: "+13125550147", extension: "230" } });
    expect(parsePhone("312-555-0147 x7")).toEqual({ ok: true, phone: { dial: "3125550147", extension: "7" } });
    expect(telHref("0161 496 0123 ext 4")).toBe("tel:01614960123");
  });

  it("does not dial a national trunk 0 written in brackets after the country code", () => {
    expect(telHref("+44 (0)161 496-0123")).toBe("tel:+441614960123");
    expect(telHref("+49 (0)30 1234567")).toBe("tel:+49301234567");
    // Without a country code, the 0 is part of the number.
    expect(telHref("(0161) 496 0123")).toBe("tel:01614960123");
  });

  it("refuses what is not a phone number, saying what a number may hold", () => {
    for (const text of [
      "ask at reception",
      "312 555 CALL",
      "1-800-FLOWERS",
      "555-0147 (home)",
      "312--555-0147",
      "312 - . 555 0147",
      "312 555 0147 +1",
      "++44 20 7946 0000",
      "(312 555-0147",
      "312) 555-0147",
      "(312) (555) 0147",
      "((312)) 555-0147",
      "-312 555 0147",
      "312 555 0147-",
      "312/555/0147",
      "tel:3125550147",
      "0161 496 0123 ext",
      "0161 496 0123 ext 1234567",
      "ext 12",
      "+",
      "12",
      "",
    ]) {
      const parsed = parsePhone(text);
      expect(parsed.ok, text).toBe(false);
      if (!parsed.ok) expect(parsed.problem).toMatch(/digits/);
      expect(telHref(text), text).toBeNull();
    }
  });

  it("counts the digits: 5 to 15, the message saying how many there are", () => {
    expect(parsePhone("12")).toMatchObject({ ok: false, problem: expect.stringMatching(/5 to 15 digits \(this one has 2\)/) });
    expect(parsePhone("1234")).toMatchObject({ ok: false });
    expect(parsePhone("12345")).toMatchObject({ ok: true });
    expect(parsePhone("+123 4567 8901 2345")).toMatchObject({ ok: true });
    expect(parsePhone("+123 4567 8901 23456")).toMatchObject({ ok: false, problem: expect.stringMatching(/this one has 16/) });
  });

  it("answers at once on long hostile input, and a link is only ever tel: with digits", () => {
    const started = performance.now();
    for (const text of ["1 ".repeat(5000) + "a", "(1".repeat(5000), "1-".repeat(5000) + "-", "1".repeat(10000) + "x"]) expect(parsePhone(text).ok).toBe(false);
    expect(performance.now() - started).toBeLessThan(500);
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (text) => {
        const href = telHref(text);
        return href === null || /^tel:\+?\d{5,15}$/.test(href);
      }),
    );
  });
});
