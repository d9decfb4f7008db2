// Review tool: writes a standalone HTML contact sheet of the exercise figures.
//   npx tsx scripts/figures-sheet.tsx /tmp/sheet.html [--only=slug,slug] [--from=N --count=N] [--width=PX] [--cols=N] [--which=both|start|end]
// then screenshot it with headless chromium and look at the PNG.
import { writeFileSync } from "node:fs";
import { renderToStaticMarkup } from "react-dom/server";
import { figureEntries } from "@/lib/figures/library";
import { FigureSvg } from "@/lib/figures/svg";

const args = process.argv.slice(2);
const out = args.find((a) => !a.startsWith("--")) ?? "/tmp/sheet.html";
const flag = (name: string) => args.find((a) => a.startsWith(`--${name}=`))?.split("=")[1];
const only = flag("only")?.split(",");
const from = Number(flag("from") ?? 0);
const count = Number(flag("count") ?? 999);
const width = Number(flag("width") ?? 360);
const cols = Number(flag("cols") ?? 4);
const which = (flag("which") ?? "both") as "both" | "start" | "end";

const entries = figureEntries.filter((e, i) => (only ? only.includes(e.slug) : i >= from && i < from + count));

const cards = entries.map((e) => {
  const n = figureEntries.indexOf(e) + 1;
  return (
    <figure key={e.slug} style={{ margin: 0, border: "1px solid #d5dbe3", borderRadius: 8, padding: 8, background: "#fff" }}>
      <FigureSvg spec={e.spec} which={which} title={e.name} className="fig" />
      <figcaption style={{ font: "13px system-ui, sans-serif", color: "#334155", marginTop: 4 }}>
        <b>{n}.</b> {e.name} <span style={{ color: "#94a3b8" }}>{e.slug}</span>
      </figcaption>
    </figure>
  );
});

const html = `<!doctype html><html><head><meta charset="utf-8"><title>Figure contact sheet</title>
<style>body{margin:16px;background:#f1f5f9}.grid{display:grid;grid-template-columns:repeat(${cols},${width + 18}px);gap:12px;align-items:start}
.fig{width:${width}px;height:auto;display:block}</style></head><body>
<div class="grid">${renderToStaticMarkup(<>{cards}</>)}</div></body></html>`;
writeFileSync(out, html);
console.log(`wrote ${entries.length} figures to ${out}`);
