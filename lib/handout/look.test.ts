// Not a test: renders the fixture to /tmp/hx/out when LOOK=1, for eyeballing the layout.
import { test } from "vitest";
import { fixtureLink, fixtureSnapshot } from "./fixture";
import { renderPages } from "./pdf-tools";
import { renderHandout } from "./render";

test.runIf(process.env.LOOK === "1")("write pages", async () => {
  const dir = process.env.LOOK_DIR ?? "/tmp/handout-look";
  for (const largePrint of [false, true]) {
    const t0 = performance.now();
    const pdf = await renderHandout(fixtureSnapshot(), { link: fixtureLink, paper: "A4", largePrint });
    console.log(largePrint ? "large" : "normal", Math.round(performance.now() - t0), "ms", pdf.length, "bytes");
    renderPages(pdf, dir, largePrint ? "large" : "normal");
  }
});
