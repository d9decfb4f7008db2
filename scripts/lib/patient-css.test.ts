// The patient page's stylesheet is compiled by scanning app/p/[token]/_page only: a class written
// anywhere else, or assembled at run time, would silently have no style. This renders the page in
// every state and checks each class it uses has a rule in the compiled CSS.
import { describe, expect, it } from "vitest";
import { linkNotActiveHtml, patientPageHtml } from "@/app/p/[token]/_page/document";
import { renderPlanBody } from "@/app/p/[token]/_page/plan-body";
import { fixtureSnapshot } from "@/lib/handout/fixture";
import { compilePatientCss } from "./patient-css";

function classesIn(html: string): Set<string> {
  const classes = new Set<string>();
  // Attribute values as the browser reads them: React writes "&" as "&amp;" (print:[&::details-content]…).
  for (const [, list] of html.matchAll(/\bclass="([^"]*)"/g)) for (const name of list.replaceAll("&amp;", "&").split(/\s+/).filter(Boolean)) classes.add(name);
  return classes;
}

/** How a class name appears in a selector: every character outside [A-Za-z0-9_-] backslash-escaped. */
function selectorOf(name: string): string {
  return `.${name.replace(/[^A-Za-z0-9_-]/g, (c) => `\\${c}`)}`;
}

describe("the patient page's stylesheet", () => {
  it("has a rule for every class the page uses, in every state of the page", async () => {
    const css = await compilePatientCss();
    const body = await renderPlanBody(fixtureSnapshot());
    const sessions = [{ id: "s1", loggedOn: "2026-03-05", exercisesDone: 3, pain: 4, comment: null }];
    const pages = await Promise.all([
      patientPageHtml({ token: "t", body, sessions: [], today: "2026-03-06", clientKey: "k", form: { outcome: null } }),
      patientPageHtml({ token: "t", body, sessions, today: "2026-03-06", clientKey: "k", form: { outcome: "saved" } }),
      patientPageHtml({
        token: "t",
        body,
        sessions,
        today: "2026-03-06",
        clientKey: "k",
        form: { outcome: "invalid", fieldErrors: { pain: ["Choose"], comment: ["Too long"] }, values: { done: [0], pain: null, comment: "x" } },
      }),
      linkNotActiveHtml(),
    ]);
    const classes = new Set(pages.flatMap((page) => [...classesIn(page.toString())]));
    expect(classes.size).toBeGreaterThan(100);
    const missing = [...classes].filter((name) => !css.includes(selectorOf(name)));
    expect(missing).toEqual([]);
  });

  it("carries the brand colours and the phone's own font, not the clinic app's web font", async () => {
    const css = await compilePatientCss();
    expect(css).toContain("#0f766e");
    expect(css).toMatch(/--font-sans:\s*ui-sans-serif/);
    expect(css).not.toContain("--font-geist-sans");
  });
});
