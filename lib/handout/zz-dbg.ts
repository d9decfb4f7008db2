import fs from "node:fs";
import QRCode from "qrcode";
import { fixtureItems, fixtureLink, fixtureSnapshot } from "@/lib/handout/fixture";
import { renderHandoutDetailed } from "@/lib/handout/render";
const [, , size = "normal", paper = "A4", variant = "base"] = process.argv;
const png = (await QRCode.toBuffer("logo", { type: "png", width: 64 })).toString("base64");
const base = fixtureSnapshot();
const snap =
  variant === "long"
    ? fixtureSnapshot({
        notes: "Build up slowly. ".repeat(40),
        clinic: { ...base.clinic, logo: { mimeType: "image/png", base64: png }, address: null, website: null },
        items: fixtureItems().map((item) => ({ ...item, note: `${item.name}: keep it smooth and controlled.` })),
      })
    : variant === "bare"
      ? fixtureSnapshot({ changes: null, notes: null, startDate: null, reviewDate: null, conditions: [] })
      : base;
const { pdf, plannedPages } = await renderHandoutDetailed(snap, { link: fixtureLink, paper: paper as "A4", largePrint: size === "large" });
fs.writeFileSync("/tmp/hx/out/dbg.pdf", pdf);
console.log("planned", plannedPages);
