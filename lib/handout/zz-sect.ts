import { fixtureLink, fixtureSnapshot, fixtureItems } from "@/lib/handout/fixture";
import { getFigure } from "@/lib/figures/library";
import { renderHandout } from "@/lib/handout/render";
const opts = { link: fixtureLink, paper: "A4" as const, largePrint: false };
const fig = getFigure("glute-bridge")!;
const variants: Record<string, ReturnType<typeof fixtureSnapshot>> = {
  base: fixtureSnapshot(),
  allFigures: fixtureSnapshot({ items: fixtureItems().map((i) => ({ ...i, figure: fig })) }),
  oneItem: fixtureSnapshot({ items: fixtureItems().slice(0, 1) }),
};
for (const [name, snap] of Object.entries(variants)) {
  for (let i = 0; i < 2; i++) await renderHandout(snap, opts);
  const t: number[] = [];
  for (let i = 0; i < 4; i++) { const s = performance.now(); await renderHandout(snap, opts); t.push(performance.now() - s); }
  console.log(name, t.map(Math.round));
}
