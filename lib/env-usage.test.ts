// Configuration has one home: the app reads environment variables only through lib/env.ts, and every
// variable of its schema is in the README's configuration table and in .env.example (issue 12, item 8).
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { configurationVariables } from "./env";

const root = path.resolve(import.meta.dirname, "..");

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(relative);
    return /\.(ts|tsx|mts|mjs|js)$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [relative] : [];
  });
}

// NODE_ENV and NEXT_RUNTIME are Next's own, inlined at build time: `process.env.NEXT_RUNTIME` must
// stay literal in instrumentation.ts for Next to leave the Node-only import out of other runtimes.
const rawRead = /process\.env(?!\.(NODE_ENV|NEXT_RUNTIME)\b)/;

describe("configuration", () => {
  it("is read through lib/env.ts only, in app/, lib/, proxy.ts, instrumentation and next.config.ts", () => {
    const files = [...sourceFiles("app"), ...sourceFiles("lib"), "proxy.ts", "instrumentation.ts", "instrumentation-node.ts", "instrumentation-client.ts", "next.config.ts"];
    expect(files.length).toBeGreaterThan(100);
    const raw = files
      .filter((file) => file !== path.join("lib", "env.ts"))
      .flatMap((file) =>
        fs
          .readFileSync(path.join(root, file), "utf8")
          .split("\n")
          .flatMap((line, i) => (rawRead.test(line) ? [`${file}:${i + 1}: ${line.trim()}`] : [])),
      );
    expect(raw).toEqual([]);
  });

  it("lists every variable of the schema in the README's table and in .env.example", () => {
    const readme = fs.readFileSync(path.join(root, "README.md"), "utf8");
    const example = fs.readFileSync(path.join(root, ".env.example"), "utf8");
    expect(configurationVariables.length).toBeGreaterThan(10);
    for (const name of configurationVariables) {
      expect(readme, `README.md: a table row for ${name}`).toMatch(new RegExp(`^\\| \`${name}\` \\|`, "m"));
      expect(example, `.env.example: ${name}`).toMatch(new RegExp(`^#? ?${name}=`, "m"));
    }
  });
});
