import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  {
    // The patient page is static HTML written by a route handler (React rendered to a string, no
    // JavaScript on the page): next/image's optimiser and loader do not apply. Its figures are small
    // SVG files named by content and its logo a data: URL, each with its size set.
    files: ["app/p/[[]token]/_page/**/*.tsx"],
    rules: { "@next/next/no-img-element": "off" },
  },
  globalIgnores([".next/**", "node_modules/**", ".data/**", "test-results/**", "playwright-report/**", "next-env.d.ts", "db/migrations/**"]),
]);
