// One home per helper (issue 12, item 5): a source scan that fails when a second copy of a shared
// helper appears in app/ or lib/ (tests aside).
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { conditionName } from "@/lib/catalogue/conditions";
import { idSchema, isUuid } from "@/lib/ids";

const root = path.resolve(import.meta.dirname, "..");

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = path.posix.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(relative);
    return /\.(ts|tsx)$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [relative] : [];
  });
}
const files = [...sourceFiles("app"), ...sourceFiles("lib")];

/** Lines matching `pattern` in any file but `home`. */
function copiesOutside(home: string | string[], pattern: RegExp): string[] {
  const homes = Array.isArray(home) ? home : [home];
  return files
    .filter((file) => !homes.includes(file))
    .flatMap((file) =>
      fs
        .readFileSync(path.join(root, file), "utf8")
        .split("\n")
        .flatMap((line, i) => (pattern.test(line) ? [`${file}:${i + 1}: ${line.trim()}`] : [])),
    );
}

describe("one home per helper", () => {
  it("scans the app's sources", () => {
    expect(files.length).toBeGreaterThan(100);
    expect(copiesOutside([], /uuidPattern/).length).toBeGreaterThan(0);
  });

  it("checks ids with lib/ids only (a strict 8-4-4-4-12 UUID)", () => {
    expect(copiesOutside("lib/ids/index.ts", /z\.uuid\(|\.uuid\(\)|\[0-9a-f\]\{8\}|uuidPattern/i)).toEqual([]);
    for (const value of ["00000000-0000-0000-0000-000000000001", "3f2b8c1e-9d4a-4b6e-8f0a-1c2d3e4f5a6b"]) expect(idSchema().safeParse(value).success).toBe(true);
    for (const value of ["-".repeat(36), "3f2b8c1e-9d4a-4b6e-8f0a-1c2d3e4f5a6b ", "{3f2b8c1e-9d4a-4b6e-8f0a-1c2d3e4f5a6b}", ""]) {
      expect(idSchema().safeParse(value).success).toBe(false);
      expect(isUuid(value)).toBe(false);
    }
  });

  it("turns zod issues into field errors in lib/forms only", () => {
    expect(copiesOutside("lib/forms/field-errors.ts", /issue\.path/)).toEqual([]);
  });

  it("formats dates and times in lib/dates only (the clinic's time zone and locale)", () => {
    const london = copiesOutside("lib/dates/format.ts", /Europe\/London/).map((line) => line.split(":")[0]);
    // the country presets and the default of snapshots issued before clinics had a time zone; the
    // patient page, the handout and the adherence dates move when their own rework lands (issue 12)
    expect([...new Set(london)].sort()).toEqual([
      "lib/adherence/dates.ts",
      "lib/clinic/safety-presets.ts",
      "lib/handout/document.tsx",
      "lib/plans/snapshot.ts",
    ]);
  });

  it("spells the built-in-or-own-clinic exercise rule in lib/catalogue/visibility.ts only", () => {
    expect(copiesOutside("lib/catalogue/visibility.ts", /or\(isNull\(exercises\.clinicId\)|coalesce\(\$\{exercises\.clinicId\}/)).toEqual([]);
  });

  it("evicts from in-process caches through lib/cache only", () => {
    const hand = copiesOutside("lib/cache/bounded-cache.ts", /\.keys\(\)\.next\(\)|\.size >=? \w+\) \w+\.(clear|delete)\(/).map((line) => line.split(":")[0]);
    // the handout's two caches move with the handout's own rework (issue 12, item 2)
    expect([...new Set(hand)].sort()).toEqual(["lib/handout/document.tsx", "lib/handout/measure.ts"]);
  });

  it("makes tel: links in lib/clinic/phone.ts only (the digits of the clinic's phone, the extension left out)", () => {
    expect(copiesOutside("lib/clinic/phone.ts", /[`"']tel:/)).toEqual([]);
  });

  it("names conditions through lib/catalogue/conditions.ts only", () => {
    expect(copiesOutside("lib/catalogue/conditions.ts", /new Map(<[^>]*>)?\(conditions\.map/)).toEqual([]);
    expect(conditionName("knee-oa")).toBe("Knee osteoarthritis");
    expect(conditionName("knee-oa", "shortName")).toBe("Knee arthritis");
    expect(conditionName("retired-condition")).toBe("retired-condition");
  });
});
