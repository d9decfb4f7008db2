import { describe, expect, test } from "vitest";
import { mailtoHref, telHref, websiteHref } from "./links";

describe("contact links", () => {
  test("a phone number dials its digits, keeping an international +", () => {
    expect(telHref("0161 496 0123")).toBe("tel:01614960123");
    expect(telHref("+44 (0)161 496-0123")).toBe("tel:+4401614960123");
    expect(telHref("(555) 010.4477")).toBe("tel:5550104477");
    expect(telHref("ask at reception")).toBeNull();
    expect(telHref("0161 496 0123 ext 4")).toBeNull();
    expect(telHref("12")).toBeNull();
  });

  test("an email address writes to it; anything else is not linked", () => {
    expect(mailtoHref("hello@riverside.example")).toBe("mailto:hello@riverside.example");
    expect(mailtoHref("front desk")).toBeNull();
    expect(mailtoHref("a@b")).toBeNull();
    expect(mailtoHref("a@b.example?bcc=x@y.example")).toBeNull();
  });

  test("a website opens over http(s), a bare name as https, and no other scheme", () => {
    expect(websiteHref("riverside-physio.example")).toBe("https://riverside-physio.example/");
    expect(websiteHref("http://clinic.example/physio")).toBe("http://clinic.example/physio");
    expect(websiteHref("https://clinic.example")).toBe("https://clinic.example/");
    expect(websiteHref("javascript:alert(1)")).toBeNull();
    expect(websiteHref("file:///etc/passwd")).toBeNull();
    expect(websiteHref("https://user:pw@clinic.example")).toBeNull();
    expect(websiteHref("our clinic")).toBeNull();
    expect(websiteHref("localhost")).toBeNull();
  });
});
