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
    // a hard-coded time zone: an IANA name, or UTC given as a zone
    const zone = /["'`](Africa|America|Antarctica|Asia|Atlantic|Australia|Europe|Indian|Pacific|Etc)\/[A-Za-z_+-]+["'`]|timeZone: ["'`]UTC["'`]/;
    const zones = copiesOutside(["lib/dates/format.ts", "lib/clinic/safety-presets.ts"], zone);
    // the country presets hold each country's first-guess zone; nothing else names one
    expect(zones).toEqual([]);
    expect(copiesOutside("lib/dates/format.ts", /new Intl\.DateTimeFormat|\.toLocale(Date|Time)String\(\s*["'`][a-z]{2}/)).toEqual([]);
    expect(copiesOutside([], zone).some((line) => line.startsWith("lib/dates/format.ts"))).toBe(true);
  });

  it("shows a time of day in the clinic's own zone: every formatDateTime / formatLongDateTime call names a clock", () => {
    // A moment has no date of its own: without a clock it would read in the default zone (London),
    // an hour or a day off for a clinic elsewhere. Calendar-date formatters need no clock.
    const withoutClock = files.flatMap((file) => {
      const text = fs.readFileSync(path.join(root, file), "utf8");
      return [...text.matchAll(/\bformat(?:Long)?DateTime\(/g)].flatMap((match) => {
        if (file === "lib/dates/format.ts") return [];
        // the call's arguments, to its closing bracket; a comma at depth 0 means a second argument
        let depth = 0;
        for (let i = match.index + match[0].length; i < text.length; i++) {
          const c = text[i];
          if ("([{".includes(c)) depth++;
          else if (")]}".includes(c)) {
            if (depth === 0) return [`${file}: ${text.slice(match.index, i + 1)}`];
            depth--;
          } else if (c === "," && depth === 0) return [];
        }
        return [];
      });
    });
    expect(withoutClock).toEqual([]);
  });

  it("spells the built-in-or-own-clinic exercise rule in lib/catalogue/visibility.ts only", () => {
    expect(copiesOutside("lib/catalogue/visibility.ts", /or\(isNull\(exercises\.clinicId\)|coalesce\(\$\{exercises\.clinicId\}/)).toEqual([]);
  });

  it("evicts from in-process caches through lib/cache only", () => {
    // a hand-written eviction: forgetting the oldest key, or clearing or deleting once a count or
    // a budget is reached
    const eviction = /\.keys\(\)\.next\(\)|(\.size|[A-Za-z]+) >=? \w+\) \{?\s*\w+\.(clear|delete)\(|if \([\w.]+ (<=|>) [\w.]+\) break;|^\s+\w+\.clear\(\);$/;
    expect(copiesOutside("lib/cache/bounded-cache.ts", eviction)).toEqual([]);
    // an empty Map at a module's top level lives as long as the process: a cache, unless it is one
    // of these (an interning table whose numbers must never be reused, and renders under way)
    const processMaps = copiesOutside("lib/cache/bounded-cache.ts", /^(export )?(const|let) \w+ = new Map(<.*>)?\(\)/).map((line) => line.replace(/^([^:]+):\d+: /, "$1: "));
    expect(processMaps).toEqual([
      "lib/handout/fonts.ts: const nameTableNumbers = new Map<string, number>();",
      "lib/sharing/handouts.ts: const inFlight = new Map<string, Promise<Buffer>>();",
    ]);
    expect(copiesOutside([], eviction).some((line) => line.startsWith("lib/cache/bounded-cache.ts"))).toBe(true);
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
