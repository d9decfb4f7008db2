// Compiles the patient page's stylesheet (app/p/[token]/_page/patient-page.css) with Tailwind into
// public/patient-page.css. The patient page is a route handler writing HTML, so Next bundles no CSS
// for it; this runs before every build (scripts/lib/next-build.ts) and before `npm run dev`.
import fs from "node:fs";
import path from "node:path";
import { compile, optimize } from "@tailwindcss/node";
import { Scanner } from "@tailwindcss/oxide";

const root = path.resolve(import.meta.dirname, "../..");
export const patientCssSource = path.join(root, "app/p/[token]/_page/patient-page.css");
export const patientCssOutput = path.join(root, "public/patient-page.css");

/** The compiled, minified stylesheet. */
export async function compilePatientCss(): Promise<string> {
  const input = fs.readFileSync(patientCssSource, "utf8");
  const compiler = await compile(input, { base: path.dirname(patientCssSource), onDependency: () => {} });
  const scanner = new Scanner({ sources: compiler.sources });
  const css = compiler.build(scanner.scan());
  return optimize(css, { file: patientCssOutput, minify: true }).code;
}

export async function writePatientCss(): Promise<void> {
  const css = await compilePatientCss();
  fs.mkdirSync(path.dirname(patientCssOutput), { recursive: true });
  fs.writeFileSync(patientCssOutput, css);
}
