// The address of the patient page's stylesheet, with a content hash so a new build is fetched
// at once. The file is compiled before every build (scripts/lib/patient-css.ts) into public/.
import "server-only";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

let href: string | null = null;

export function stylesheetHref(): string {
  if (href) return href;
  try {
    const css = fs.readFileSync(path.join(process.cwd(), "public", "patient-page.css"));
    href = `/patient-page.css?v=${crypto.createHash("sha256").update(css).digest("hex").slice(0, 12)}`;
  } catch {
    // The page is still readable unstyled; say why, once, for whoever runs the server.
    console.error("[patient page] public/patient-page.css is missing: run `npm run build` (it compiles the stylesheet)");
    href = "/patient-page.css";
  }
  return href;
}
