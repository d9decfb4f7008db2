import { describe, expect, test } from "vitest";
import { conditions, educationFor, generalEducation } from "@/lib/catalogue/conditions";
import { conditionSlugs } from "@/lib/catalogue/types";
import type { ConditionSlug } from "@/lib/catalogue/types";
import { chooseEducation, educationPieces as piecesOf, sectionRole } from "./education";

/** The education of a plan for these conditions, as the snapshot carries it. */
function educationPieces(slugs: ConditionSlug[]) {
  const { conditions: chosen, general } = educationFor(slugs);
  return piecesOf({ conditions: chosen, generalEducation: general });
}

describe("the handout's choice of education", () => {
  test("knows what every catalogue section is about, so the order of importance applies to all of them", () => {
    for (const condition of conditions) {
      const roles = condition.education.map((section) => sectionRole(section.heading, "condition"));
      expect(roles, condition.slug).not.toContain("other");
      expect(new Set(roles), condition.slug).toEqual(new Set(["what-it-is", "helps", "watch", "expect"]));
    }
    const general = generalEducation.map((section) => sectionRole(section.heading, "general"));
    expect(general).not.toContain("other");
    // The topics the issue asks the handout to carry are all among them.
    for (const role of ["causes", "nerve", "treatments", "everyday", "doctor"] as const) expect(general).toContain(role);
  });

  test("leaves out the least essential first, the last in reading order first within a tier, and never a condition's summary", () => {
    const pieces = educationPieces([...conditionSlugs]);
    const order: string[] = [];
    chooseEducation(pieces, (chosen) => {
      order.length = 0;
      order.push(...chosen.map((piece) => piece.key));
      return false;
    });
    // Asked to fit nothing, only the condition names and summaries remain, and when to see a doctor.
    const doctor = pieces.find((piece) => piece.kind === "general" && piece.role === "doctor")!;
    expect(order).toEqual([...conditionSlugs.filter((slug) => conditions.some((c) => c.slug === slug)), doctor.key]);

    const dropped: number[] = [];
    let previous = pieces.length;
    chooseEducation(pieces, (chosen) => {
      if (chosen.length < previous) {
        const gone = pieces.filter((piece) => !chosen.includes(piece) && !dropped.includes(pieces.indexOf(piece)));
        dropped.push(...gone.map((piece) => pieces.indexOf(piece)));
        previous = chosen.length;
      }
      return chosen.length <= conditions.length + 1;
    });
    const tiers = dropped.map((i) => pieces[i].tier);
    expect([...tiers].sort((a, b) => b - a)).toEqual(tiers);
    for (let i = 1; i < dropped.length; i++) {
      if (tiers[i] === tiers[i - 1]) expect(dropped[i]).toBeLessThan(dropped[i - 1]);
    }
  });

  test("keeps when to see a doctor longer than background reading, and sciatica detail only matters for a back plan", () => {
    const knee = educationPieces(["knee-oa"]);
    const back = educationPieces(["sciatica"]);
    const tier = (pieces: typeof knee, role: string) => pieces.find((piece) => "role" in piece && piece.role === role)!.tier;
    expect(tier(knee, "doctor")).toBeLessThan(tier(knee, "causes"));
    expect(tier(knee, "causes")).toBeLessThan(tier(knee, "symptoms"));
    expect(tier(back, "sciatica")).toBeLessThan(tier(knee, "sciatica"));
    expect(tier(knee, "helps")).toBeLessThan(tier(knee, "what-it-is"));
  });
});
