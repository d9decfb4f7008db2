import { describe, expect, test } from "vitest";
import { mailtoHref, websiteHref } from "./links";

// The phone number's tel: link is the clinic's phone rule: lib/clinic/phone.test.ts.
describe("contact links", () => {
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
