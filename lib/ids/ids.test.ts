import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isUuid } from ".";

describe("isUuid", () => {
  it("accepts the ids Postgres hands out", () => {
    fc.assert(fc.property(fc.uuid(), (id) => isUuid(id) && isUuid(id.toUpperCase())));
    expect(isUuid("00000000-0000-0000-0000-000000000001")).toBe(true);
  });
  it("refuses everything else, including 36 hyphens and ids with extra characters", () => {
    for (const bad of ["-".repeat(36), "0".repeat(36), `${"0".repeat(32)}`, "{00000000-0000-0000-0000-000000000001}", "00000000-0000-0000-0000-000000000001\n", " 00000000-0000-0000-0000-000000000001", "", null, undefined, 42, ["00000000-0000-0000-0000-000000000001"]]) {
      expect(isUuid(bad), String(bad)).toBe(false);
    }
    fc.assert(fc.property(fc.string({ maxLength: 40 }), (s) => isUuid(s) === /^[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}$/i.test(s)));
  });
});
